import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { effectiveEnv, temporalSettings } from "./index.js";

describe("effectiveEnv", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "sdh-env-"));
  writeFileSync(join(stateDir, "services.env"), "# comment\nTEMPORAL_ADDRESS=127.0.0.1:17233\nSDH_S3_BUCKET=from-file\n");

  it("fills in from services.env, and the environment wins", () => {
    const env = effectiveEnv({ SDH_S3_BUCKET: "from-env" }, stateDir);
    expect(env.TEMPORAL_ADDRESS).toBe("127.0.0.1:17233");
    expect(env.SDH_S3_BUCKET).toBe("from-env");
  });

  it("works without a services file", () => {
    expect(temporalSettings(effectiveEnv({}, join(stateDir, "missing")))).toEqual({ address: "127.0.0.1:7233", namespace: "default", uiUrl: undefined });
  });
});
