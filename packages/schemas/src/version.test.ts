import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, VERSION_TAG, versionedFileName } from "./index.js";

describe("schema version", () => {
  it("is a 0.1.x version with the v0.1 tag", () => {
    expect(SCHEMA_VERSION).toMatch(/^0\.1\.\d+$/);
    expect(VERSION_TAG).toBe("v0.1");
  });

  it("names files as the governed seed does", () => {
    expect(versionedFileName("persons", "csv")).toBe("persons_v0_1.csv");
    expect(versionedFileName("snapshot_manifest", "json")).toBe("snapshot_manifest_v0_1.json");
  });
});
