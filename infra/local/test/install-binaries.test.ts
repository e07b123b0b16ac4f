import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { installScript } from "../src/paths.js";

describe("install-binaries.sh", () => {
  it("without Go and without a cached binary, says what to install and exits non-zero", () => {
    const run = spawnSync("bash", [installScript, "temporal"], {
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin", HOME: process.env.HOME, SDH_CACHE_DIR: mkdtempSync(join(tmpdir(), "sdh-cache-")) },
    });
    expect(run.status).toBe(127);
    expect(run.stderr).toContain("Go is not installed");
    expect(run.stderr).toContain("Install Go >= 1.25");
    expect(run.stderr).toContain("SDH_TEMPORAL_BIN");
    expect(run.stdout).toBe("");
  });

  it("rejects an unknown binary name with usage status 2", () => {
    const run = spawnSync("bash", [installScript, "minio"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown binary 'minio'; expected temporal, versitygw or all");
  });

  it("honours an explicit SDH_TEMPORAL_BIN and refuses one that is not executable", () => {
    const ok = spawnSync("bash", [installScript, "temporal"], { encoding: "utf8", env: { ...process.env, SDH_TEMPORAL_BIN: "/bin/true" } });
    expect(ok.stdout.trim()).toBe("/bin/true");
    const bad = spawnSync("bash", [installScript, "temporal"], { encoding: "utf8", env: { ...process.env, SDH_TEMPORAL_BIN: "/nonexistent" } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("SDH_TEMPORAL_BIN=/nonexistent is not an executable file");
  });
});
