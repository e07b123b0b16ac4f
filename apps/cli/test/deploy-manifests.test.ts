import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SHUTDOWN_GRACE } from "@sdh/worker";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { SETTINGS } from "../src/settings/setting-specs.js";
import { runCli } from "./run-cli.js";

// deploy/ must say what the code does: every variable a setting the CLI reads (with a valid value),
// probes on the worker's routes and port, a grace period longer than the worker's drain.
const deploy = fileURLToPath(new URL("../../../deploy", import.meta.url));

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: { template: { spec: PodSpec } };
}
interface PodSpec {
  terminationGracePeriodSeconds: number;
  containers: Array<{ args: string[]; envFrom: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>; ports: Array<{ name: string; containerPort: number }>; livenessProbe: Probe; readinessProbe: Probe; startupProbe: Probe }>;
}
interface Probe {
  httpGet: { path: string; port: string };
}

function manifests(dir: string): Array<Manifest & { file: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return manifests(path);
    if (!name.endsWith(".yaml")) return [];
    return parseAllDocuments(readFileSync(path, "utf8")).map((doc) => {
      expect(doc.errors, path).toEqual([]);
      return { ...(doc.toJS() as Manifest), file: path };
    });
  });
}

const known = new Set([...SETTINGS.map((s) => s.env), "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);
const seconds = (duration: string) => Number(/^(\d+) seconds?$/.exec(duration)![1]);

describe("deploy/ (image and Kubernetes manifests)", () => {
  const all = manifests(join(deploy, "kubernetes"));

  it("sets only variables the CLI reads, with values `sdh config show` accepts", () => {
    const configMaps = all.filter((m) => m.kind === "ConfigMap");
    expect(configMaps.map((m) => m.file.replace(deploy, ""))).toEqual(["/kubernetes/configmap.yaml", "/kubernetes/temporal-cloud/configmap.yaml"]);
    for (const m of [...configMaps, ...all.filter((m) => m.kind === "Secret" && m.metadata.name !== "sdh-temporal-mtls")]) {
      const vars = { ...m.data, ...m.stringData };
      expect(Object.keys(vars).filter((name) => !known.has(name)), m.file).toEqual([]);
    }
    for (const m of configMaps) {
      const show = runCli(["config", "show", "--json"], { ...m.data });
      expect([show.status, show.stderr], m.file).toEqual([0, ""]);
      const settings = (JSON.parse(show.stdout) as { settings: Array<{ env: string; value: string; source: string }> }).settings;
      for (const [name, value] of Object.entries(m.data!)) expect(settings.find((s) => s.env === name), `${m.file} ${name}`).toMatchObject({ value, source: `env ${name}` });
    }
  });

  it("probes the worker's routes on its port, and waits out its drain", () => {
    const deployment = all.find((m) => m.kind === "Deployment")!;
    const pod = deployment.spec!.template.spec;
    const [container] = pod.containers;
    const port = Number(all.find((m) => m.kind === "ConfigMap")!.data!.SDH_WORKER_HTTP_PORT);
    expect(container!.args).toEqual(["worker"]);
    expect(container!.ports).toEqual([{ name: "http", containerPort: port }]);
    expect([container!.livenessProbe.httpGet, container!.readinessProbe.httpGet, container!.startupProbe.httpGet]).toEqual([
      { path: "/healthz", port: "http" },
      { path: "/readyz", port: "http" },
      { path: "/healthz", port: "http" },
    ]);
    expect(container!.envFrom).toEqual([{ configMapRef: { name: "sdh-worker" } }, { secretRef: { name: "sdh-s3" } }]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(seconds(SHUTDOWN_GRACE));
  });

  it("builds a non-root image around the packed sdh, which receives SIGTERM itself", () => {
    const dockerfile = readFileSync(join(deploy, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("pnpm package:sdh --out /release");
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/opt\/sdh\/bin\/sdh"\]$/m);
    expect(dockerfile).toMatch(/^CMD \["worker"\]$/m);
    expect(dockerfile).toMatch(/^EXPOSE 9464$/m);
    expect(dockerfile).toMatch(/SDH_WORKER_HTTP_PORT=9464/);
  });
});
