import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { testServices } from "@sdh/infra/testing";
import type { SnapshotResult } from "@sdh/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digests, exited, s3Env, startWorker, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";
import { startTlsProxy, type TlsProxy } from "./tls-proxy.js";

// The worker and the CLI against a Temporal that only a TLS proxy reaches, as in production: the
// proxy (real nginx) demands a client certificate of its CA and the API key as a bearer token.
describe("secure connections to Temporal (mTLS and an API key, through a real TLS proxy)", () => {
  let proxy: TlsProxy;
  beforeAll(async () => {
    proxy = await startTlsProxy(testServices().temporalAddress);
  }, 30_000);
  afterAll(async () => {
    await proxy?.stop();
  });

  const secureEnv = (over: Record<string, string | undefined> = {}) => {
    const env: Record<string, string> = {
      TEMPORAL_ADDRESS: proxy.address,
      TEMPORAL_NAMESPACE: testServices().namespace,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: proxy.caPath,
      TEMPORAL_TLS_CLIENT_CERT_PATH: proxy.clientCertPath,
      TEMPORAL_TLS_CLIENT_KEY_PATH: proxy.clientKeyPath,
      TEMPORAL_API_KEY: proxy.apiKey,
    };
    for (const [k, v] of Object.entries(over)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    return env;
  };
  const run = (args: string[], env: Record<string, string>) => runCli(args, { ...env, ...s3Env() });

  it("a worker and `sdh snapshot run` build and publish through it with the right certificate and key; the bytes are `sdh generate`'s", async () => {
    const taskQueue = `tls-${randomUUID()}`;
    const target = tmp();
    const { child, output } = await startWorker(taskQueue, tmp(), 2, [], secureEnv());
    const started = output().split("\n").find((l) => l.includes('"worker started"'))!;
    expect(JSON.parse(started)).toMatchObject({ address: proxy.address, connection: "TLS, server CA given, client certificate, API key" });
    const snapshotId = `tls-${randomUUID().slice(0, 8)}`;
    const result = run(["snapshot", "run", "--records", "40", "--seed", "5", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue, "--wait", "--json"], secureEnv());
    expect([result.status, result.stderr]).toEqual([0, ""]);
    const published = JSON.parse(result.stdout) as SnapshotResult;
    const local = join(tmp(), "bundle");
    expect(run(["generate", "--records", "40", "--seed", "5", "--snapshot-id", snapshotId, "--out", local], {}).status).toBe(0);
    expect(digests(published.location)).toEqual(digests(local));
    // The calls went through the proxy, and the worker's key never reached its log.
    expect(readFileSync(join(proxy.dir, "access.log"), "utf8")).toContain("/temporal.api.workflowservice.v1.WorkflowService/");
    expect(output()).not.toContain(proxy.apiKey);
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
    // Every line the worker wrote, the SDK core's included, is one JSON object (log shippers parse them).
    const lines = output().split("\n").filter((l) => l.trim() !== "");
    expect(lines.filter((l) => !l.startsWith("{") || typeof JSON.parse(l) !== "object")).toEqual([]);
  }, 180_000);

  it("refuses clearly: a client certificate of another CA, no server CA, a wrong API key", () => {
    const status = (env: Record<string, string>) => run(["snapshot", "status", "no-such-snapshot"], env);
    const rogue = status(secureEnv({ TEMPORAL_TLS_CLIENT_CERT_PATH: proxy.rogueCertPath, TEMPORAL_TLS_CLIENT_KEY_PATH: proxy.rogueKeyPath }));
    expect(rogue.status).toBe(1);
    expect(rogue.stderr).toContain(`cannot reach Temporal at ${proxy.address} (TLS, server CA given, client certificate, API key): the server refused this client's TLS certificate`);
    const noCa = status(secureEnv({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: undefined }));
    expect(noCa.status).toBe(1);
    expect(noCa.stderr).toContain("the server's TLS certificate is not signed by a CA this client trusts; set TEMPORAL_TLS_SERVER_CA_CERT_PATH");
    const wrongKey = status(secureEnv({ TEMPORAL_API_KEY: "not-the-key" }));
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toContain("the server refused the credentials (check TEMPORAL_API_KEY)");
    expect(wrongKey.stderr).not.toContain("not-the-key");
    const noCert = status(secureEnv({ TEMPORAL_TLS_CLIENT_CERT_PATH: undefined, TEMPORAL_TLS_CLIENT_KEY_PATH: undefined }));
    expect(noCert.status).toBe(1);
    expect(noCert.stderr).toContain("the server refused this client's TLS certificate (none was given");
  }, 60_000);

  it("a worker with a refused certificate exits at once, naming the cause", async () => {
    await expect(startWorker(`tls-${randomUUID()}`, tmp(), 1, [], secureEnv({ TEMPORAL_TLS_CLIENT_CERT_PATH: proxy.rogueCertPath, TEMPORAL_TLS_CLIENT_KEY_PATH: proxy.rogueKeyPath }))).rejects.toThrow(
      /the server refused this client's TLS certificate/,
    );
  }, 60_000);

  it("a missing or half-given certificate is a usage error (exit 2) naming the setting, before any connection", () => {
    const missing = run(["snapshot", "status", "x"], secureEnv({ TEMPORAL_TLS_CLIENT_CERT_PATH: "/nonexistent/client.pem" }));
    expect([missing.status, missing.stderr.trim()]).toEqual([2, "sdh: TEMPORAL_TLS_CLIENT_CERT_PATH (temporal.tls.clientCertPath): cannot read the client certificate at /nonexistent/client.pem: ENOENT"]);
    const half = run(["snapshot", "status", "x"], secureEnv({ TEMPORAL_TLS_CLIENT_KEY_PATH: undefined }));
    expect(half.status).toBe(2);
    expect(half.stderr).toContain("a client certificate is set but no client key: set TEMPORAL_TLS_CLIENT_KEY_PATH");
    const notPem = run(["snapshot", "status", "x"], secureEnv({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(proxy.dir, "nginx.conf") }));
    expect(notPem.status).toBe(2);
    expect(notPem.stderr).toContain("the server CA certificate is not PEM");
  });

  it("connects with everything from Temporal's profile file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE)", () => {
    const toml = join(tmp(), "temporal.toml");
    const profile = (apiKey: string) =>
      [
        "[profile.secure]",
        `address = "${proxy.address}"`,
        `namespace = "${testServices().namespace}"`,
        `api_key = "${apiKey}"`,
        "[profile.secure.tls]",
        `server_ca_cert_path = "${proxy.caPath}"`,
        `client_cert_path = "${proxy.clientCertPath}"`,
        `client_key_path = "${proxy.clientKeyPath}"`,
        "",
      ].join("\n");
    writeFileSync(toml, profile(proxy.apiKey));
    const env = { TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: "secure" };
    // Reached and answered through the proxy: the server knows no such build.
    const reached = run(["snapshot", "status", "no-such-snapshot"], env);
    expect([reached.status, reached.stderr.trim()]).toEqual([2, `sdh: no snapshot workflow snapshot-v0_9-no-such-snapshot in namespace ${testServices().namespace}`]);
    writeFileSync(toml, profile("not-the-key"));
    const refused = run(["snapshot", "status", "no-such-snapshot"], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("the server refused the credentials (check TEMPORAL_API_KEY)");
  }, 60_000);

  it("`sdh config show` names where each TLS setting comes from and never prints a key", () => {
    const shown = run(["config", "show"], secureEnv({ TEMPORAL_TLS_CLIENT_KEY_DATA: "-----BEGIN PRIVATE KEY-----\nkey-material-xyzzy\n-----END PRIVATE KEY-----", TEMPORAL_TLS_CLIENT_KEY_PATH: undefined }));
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(proxy.caPath);
    expect(shown.stdout).not.toContain(proxy.apiKey);
    expect(shown.stdout).not.toContain("key-material-xyzzy");
    expect(shown.stdout).toMatch(/temporal\.apiKey\s.*\*\*\*/);
  });
});
