import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@sdh/infra/testing";
import { describe, expect, it } from "vitest";
import { exited } from "./cli-workers.js";
import { nodeCli, runCli } from "./run-cli.js";

// `sdh serve` as a process: it serves until SIGTERM and exits 0; bad options are exit 2 before it listens.
describe("sdh serve", () => {
  it("serves the catalog of a folder target until SIGTERM", async () => {
    const target = mkdtempSync(join(tmpdir(), "sdh-serve-"));
    expect(runCli(["generate", "--records", "10", "--formats", "parquet", "--out", join(target, "bundle")]).status).toBe(0);
    expect(runCli(["publish", join(target, "bundle"), "--target", join(target, "published")]).status).toBe(0);
    const port = await freePort();
    const [node, args] = nodeCli(["serve", "--target", `nightly=${join(target, "published")}`, "--port", String(port)]);
    const child = spawn(node, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!output.includes('"catalog serving"')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`sdh serve did not start: ${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(JSON.parse(output.split("\n")[0]!)).toMatchObject({ url: `http://127.0.0.1:${port}`, targets: [{ name: "nightly", location: join(target, "published") }], cors: "off" });
      const listed = (await (await fetch(`http://127.0.0.1:${port}/snapshots`)).json()) as { snapshots: Array<{ target: string; latest: boolean }> };
      expect(listed.snapshots).toMatchObject([{ target: "nightly", latest: true }]);
      child.kill("SIGTERM");
      expect(await exited(child)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 90_000);

  it("refuses a missing target, two targets of one name and a bad port (exit 2)", () => {
    expect(runCli(["serve"])).toMatchObject({ status: 2, stderr: expect.stringContaining("no target to serve: give --target s3://bucket/prefix or a folder") });
    expect(runCli(["serve", "--target", "a=/tmp/x", "--target", "a=/tmp/y"])).toMatchObject({ status: 2, stderr: expect.stringContaining("two targets are named 'a'") });
    expect(runCli(["serve", "--target", "/tmp/x", "--port", "70000"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--port must be a port, 1 to 65535") });
    // Taken silently before (issue 33.11): a target name that is not one, a wildcard origin, a guessable token.
    expect(runCli(["serve", "--target", "=/tmp/x"])).toMatchObject({ status: 2, stderr: expect.stringContaining("a target's name is a lowercase letter then letters, digits or '-'") });
    expect(runCli(["serve", "--target", "/tmp/x", "--cors-origin", "*"])).toMatchObject({ status: 2, stderr: expect.stringContaining("'*' would let every web page call this API") });
    const weak = runCli(["serve", "--target", "/tmp/x"], { SDH_SERVE_TOKEN: "short" });
    expect(weak).toMatchObject({ status: 2, stderr: expect.stringContaining("SDH_SERVE_TOKEN must be 16 to 512 characters") });
    expect(weak.stderr).not.toContain("short");
    // Sizes are MiB everywhere (issue 33.17): the cache's bound too.
    expect(runCli(["serve", "--target", "/tmp/x", "--cache-max-mib", "2GB"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--cache-max-mib") });
    expect(runCli(["serve", "--target", "/tmp/x", "--cache-max-mb", "2000"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--cache-max-mb") });
  }, 60_000);
});
