import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testServices } from "@sdh/infra/testing";
import { FINTECH_GENERATOR } from "@sdh/pack-fintech";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// An empty working directory: no .sdh/services.env to fall back on, only what the test passes.
const cwd = mkdtempSync(join(tmpdir(), "sdh-cli-"));

function servicesEnv() {
  const s = testServices();
  return {
    TEMPORAL_ADDRESS: s.temporalAddress,
    TEMPORAL_NAMESPACE: s.namespace,
    SDH_S3_ENDPOINT: s.s3Endpoint,
    SDH_S3_BUCKET: s.bucket,
    AWS_ACCESS_KEY_ID: s.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s.secretAccessKey,
    AWS_REGION: s.region,
  };
}

describe("sdh doctor (real services)", () => {
  it("passes both round trips and exits 0; --json gives the same checks", () => {
    const json = runCli(["doctor", "--json"], servicesEnv(), cwd);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ check: "Temporal", ok: true }), expect.objectContaining({ check: "S3", ok: true }), { check: "Search attributes", ok: true, detail: expect.stringContaining("SdhSnapshotId, SdhTarget, SdhSeed, SdhAsOf, SdhPack registered"), ms: expect.any(Number) }]);
    const run = runCli(["doctor"], servicesEnv(), cwd);
    expect(run.stdout).toMatch(/^ok {4}Temporal .*ran its activity/m);
    expect(run.stdout).toMatch(/^ok {4}S3 .*SHA-256/m);
    expect(run.status).toBe(0);
  });

  it("fails with exit 1 and says which service is unreachable", () => {
    const run = runCli(["doctor"], { ...servicesEnv(), TEMPORAL_ADDRESS: "127.0.0.1:1" }, cwd);
    expect(run.stdout).toMatch(/^FAIL {2}Temporal +cannot reach Temporal at 127\.0\.0\.1:1/m);
    expect(run.stdout).toMatch(/^ok {4}S3/m);
    expect(run.status).toBe(1);
  });

  it("reads the connection from .sdh/services.env when the environment is silent", () => {
    const run = runCli(["doctor"], { SDH_STATE_DIR: join(cwd, "nowhere") }, cwd);
    expect(run.stdout).toMatch(/FAIL {2}S3 +SDH_S3_BUCKET is not set/);
    expect(run.status).toBe(1);
  });
});

describe("sdh usage", () => {
  it("exits 2 on an unknown command and names the way to the list", () => {
    const run = runCli(["snapshott"], {}, cwd);
    expect(run.stderr).toContain("unknown command 'snapshott'; run `sdh help` for the list");
    expect(run.status).toBe(2);
  });

  it("prints help with examples", () => {
    const run = runCli(["help", "doctor"], {}, cwd);
    expect(run.stdout).toContain("Examples:");
    expect(run.status).toBe(0);
  });

  it("prints the versions", () => {
    expect(runCli(["version"], {}, cwd).stdout).toMatch(/^sdh 0\.1\.0 \(schema 0\.9\.\d+, generator \d+\.\d+\.\d+, packs pc \d+\.\d+\.\d+, fintech \d+\.\d+\.\d+, node \d+/);
    expect(JSON.parse(runCli(["version", "--json"], {}, cwd).stdout)).toMatchObject({ sdh: "0.1.0", packs: { pc: expect.any(String), fintech: FINTECH_GENERATOR.version }, node: process.versions.node });
    for (const flag of ["--version", "-V"]) expect(runCli([flag], {}, cwd).stdout).toMatch(/^sdh 0\.1\.0 \(schema /);
    // A command of subcommands given none prints its own help (and exits 2, as a bare `sdh` does).
    const bare = runCli(["snapshot"], {}, cwd);
    expect([bare.status, bare.stdout.split("\n")[0], bare.stderr]).toEqual([2, expect.stringMatching(/^sdh snapshot run \| status/), ""]);
  });
});

describe("sdh configuration errors", () => {
  it("names a bad SDH_LOG_LEVEL and the allowed values, exit 2", () => {
    // Any command that reads settings (version reads none: it answers before they load).
    const run = runCli(["config", "show"], { SDH_LOG_LEVEL: "loud" }, cwd);
    expect(run.stderr).toContain("SDH_LOG_LEVEL='loud': must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    expect(run.status).toBe(2);
  });
});
