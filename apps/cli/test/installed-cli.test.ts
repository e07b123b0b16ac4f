import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { freePort } from "@sdh/infra/testing";
import type { SnapshotResult } from "@sdh/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageSdh, type PackagedSdh } from "../packaging/package-sdh.js";
import { digests, exited, s3Env, servicesEnv, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

// The `sdh` a platform team installs: the tarball `pnpm package:sdh` makes (and the image carries),
// unpacked in a clean folder outside the repository, run with nothing of the repository around it.
describe("the installed sdh (pnpm package:sdh)", () => {
  let packed: PackagedSdh;
  let home: string;
  let installed: string;
  const started: ReturnType<typeof spawn>[] = [];
  beforeAll(async () => {
    packed = await packageSdh({ outDir: tmp(), log: () => undefined });
    home = tmp();
    spawnSync("tar", ["-xzf", packed.tarball, "-C", home], { stdio: "inherit" });
    installed = join(home, "sdh");
  }, 300_000);
  afterAll(() => {
    for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
  });

  /** Only Node on the PATH, the clean folder as working directory and HOME. */
  const cleanEnv = (extra: Record<string, string> = {}) => ({ PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home, ...extra });
  /** The installed sdh as a long-running process, once `readyUrl` answers 200; its output so far on demand. */
  const startInstalled = async (args: string[], { cwd, env, readyUrl, what }: { cwd: string; env: Record<string, string>; readyUrl: string; what: string }) => {
    const child = spawn(join(installed, "bin", "sdh"), args, { cwd, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    started.push(child);
    let text = "";
    child.stdout!.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
    const deadline = Date.now() + 60_000;
    while ((await fetch(readyUrl).then((r) => r.status, () => 0)) !== 200) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the installed ${what} did not become ready: ${text}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return { child, output: () => text };
  };
  /** A running process's environment variables (Linux), as NAME=value strings. */
  const environmentOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  const sdh = (args: string[], extra: Record<string, string> = {}) => spawnSync(join(installed, "bin", "sdh"), args, { cwd: home, env: cleanEnv(extra), encoding: "utf8", timeout: 120_000 });

  it("is self-contained: an executable bin, --version and -V, every dependency bundled, nothing linked outside", () => {
    expect(packed.tarball).toMatch(new RegExp(`sdh-${packed.version}-${packed.target}\\.tar\\.gz$`));
    expect(statSync(join(installed, "dist", "main.js")).mode & 0o111).toBe(0o111);
    expect(statSync(join(installed, "bin", "sdh")).mode & 0o111).toBe(0o111);
    for (const flag of ["--version", "-V"]) {
      const run = sdh([flag]);
      expect([run.status, run.stderr]).toEqual([0, ""]);
      expect(run.stdout).toMatch(new RegExp(`^sdh ${packed.version.replaceAll(".", "\\.")} \\(schema \\d+\\.\\d+\\.\\d+, generator`));
    }
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string>; bundleDependencies: string[]; bin: Record<string, string>; "x-thirdParty": Record<string, string> };
    expect(manifest.bin).toEqual({ sdh: "bin/sdh" });
    // Every dependency, ours included, is bundled: inside, at the exact version named, never fetched.
    expect(manifest.bundleDependencies).toEqual(Object.keys(manifest.dependencies));
    for (const [name, version] of Object.entries(manifest.dependencies)) {
      expect((JSON.parse(readFileSync(join(installed, "node_modules", name, "package.json"), "utf8")) as { version: string }).version, name).toBe(version);
    }
    expect(Object.keys(manifest["x-thirdParty"])).toEqual(expect.arrayContaining(["@duckdb/node-api", "@temporalio/worker", "hono"]));
    expect(Object.values(manifest["x-thirdParty"]).every((v) => /^\d+\.\d+\.\d+/.test(v))).toBe(true);
    // Every symbolic link resolves inside the installed folder.
    const outside: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const stat = lstatSync(path);
        if (stat.isSymbolicLink()) {
          if (!realpathSync(path).startsWith(installed + sep)) outside.push(path);
        } else if (stat.isDirectory()) walk(path);
      }
    };
    walk(installed);
    expect(outside).toEqual([]);
    // What `npm install -g` of the tarball needs (ADR 0019; the nightly suite runs the install itself):
    // npm drops link entries when it unpacks, so every file is a file (the launcher links of
    // node_modules/.bin aside, which npm makes anew), and every package we need is a real folder.
    const entries = spawnSync("tar", ["-tvzf", packed.tarball], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout.split("\n");
    expect(entries.filter((e) => /^[hl]/.test(e) && !e.includes("/node_modules/.bin/"))).toEqual([]);
    expect(lstatSync(join(installed, "node_modules", "@sdh", "worker")).isDirectory()).toBe(true);
  });

  it("generates the repository's bytes", () => {
    const out = join(home, "generated");
    const run = sdh(["generate", "--records", "30", "--seed", "3", "--out", out]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const repoOut = join(tmp(), "bundle");
    expect(runCli(["generate", "--records", "30", "--seed", "3", "--out", repoOut]).status).toBe(0);
    expect(digests(out)).toEqual(digests(repoOut));
  }, 120_000);

  it("serves the catalog page: the installed tree bundles the page's script (Chart.js inside) at start", async () => {
    const published = join(home, "served");
    expect(sdh(["publish", join(home, "generated"), "--target", published]).status).toBe(0);
    const port = await freePort();
    // An allocator setting given by the environment is kept (the launcher only fills in its default).
    const { child: server } = await startInstalled(["serve", "--target", `local=${published}`, "--port", String(port)], { cwd: home, env: { MALLOC_ARENA_MAX: "8" }, readyUrl: `http://127.0.0.1:${port}/healthz`, what: "sdh serve" });
    expect(environmentOf(server.pid!)).toContain("MALLOC_ARENA_MAX=8");
    const page = await fetch(`http://127.0.0.1:${port}/`);
    const html = await page.text();
    expect([page.status, html]).toEqual([200, expect.stringContaining("<table id=\"snapshots\">")]);
    const scriptPath = /src="(\/ui\/assets\/app\.js\?v=[0-9a-f]+)"/.exec(html)?.[1];
    const script = await fetch(`http://127.0.0.1:${port}${scriptPath}`);
    expect([script.status, script.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"]);
    expect(await script.text()).toContain("Chart.js");
    server.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
  }, 120_000);

  it("runs as a worker that builds and publishes the same bytes through the dev server; --json output is JSON alone (pipes into jq)", async () => {
    const taskQueue = `installed-${randomUUID()}`;
    const port = await freePort();
    const env = { ...servicesEnv(), ...s3Env() };
    mkdirSync(join(home, "work"), { recursive: true });
    const { child: worker, output } = await startInstalled(["worker", "--task-queue", taskQueue, "--concurrency", "1", "--http-port", String(port), "--http-host", "127.0.0.1"], { cwd: join(home, "work"), env, readyUrl: `http://127.0.0.1:${port}/readyz`, what: "worker" });
    // The launcher execs Node with glibc held to two arenas (ADR 0016): the process started is Node
    // itself (so SIGTERM below reaches it), and its environment carries the setting.
    expect(readFileSync(`/proc/${worker.pid}/cmdline`, "utf8").split("\0")[1]).toBe(`${realpathSync(installed)}/bin/../dist/main.js`);
    expect(environmentOf(worker.pid!)).toContain("MALLOC_ARENA_MAX=2");
    const target = join(home, "published");
    const snapshotId = `installed-${randomUUID().slice(0, 8)}`;
    const run = sdh(["snapshot", "run", "--records", "30", "--seed", "3", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue, "--wait", "--json"], env);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const result = JSON.parse(run.stdout) as SnapshotResult;
    const local = join(tmp(), "bundle");
    expect(runCli(["generate", "--records", "30", "--seed", "3", "--snapshot-id", snapshotId, "--out", local]).status).toBe(0);
    expect(digests(result.location)).toEqual(digests(local));
    const listed = sdh(["list", "--source", target, "--json"]);
    expect([listed.status, listed.stderr]).toEqual([0, ""]);
    expect((JSON.parse(listed.stdout) as Array<{ snapshotId: string }>).map((s) => s.snapshotId)).toEqual([snapshotId]);
    // The worker loaded the workflow bundle it was packed with (it cannot bundle: no sources inside).
    expect(output()).toContain('"worker started"');
    worker.kill("SIGTERM");
    expect(await exited(worker)).toBe(0);
  }, 180_000);
});
