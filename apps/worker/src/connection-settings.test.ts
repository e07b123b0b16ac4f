import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servicesEnv, temporalSettings } from "./index.js";

describe("servicesEnv", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "sdh-env-"));
  writeFileSync(join(stateDir, "services.env"), "# comment\nTEMPORAL_ADDRESS=127.0.0.1:17233\nSDH_S3_BUCKET=from-file\n");

  it("reads what services:up recorded, comments aside", () => {
    expect(servicesEnv(stateDir)).toEqual({ TEMPORAL_ADDRESS: "127.0.0.1:17233", SDH_S3_BUCKET: "from-file" });
    expect(temporalSettings(servicesEnv(stateDir))).toMatchObject({ address: "127.0.0.1:17233", namespace: "default" });
  });

  it("is empty without a services file, and the defaults apply", () => {
    expect(servicesEnv(join(stateDir, "missing"))).toEqual({});
    expect(temporalSettings({})).toEqual({ address: "127.0.0.1:7233", namespace: "default", uiUrl: undefined });
  });
});
