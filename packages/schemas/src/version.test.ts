import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, VERSION_TAG, versionedFileName } from "./index.js";

describe("schema version", () => {
  it("is a 0.9.x version with the v0.9 tag", () => {
    expect(SCHEMA_VERSION).toMatch(/^0\.9\.\d+$/);
    expect(VERSION_TAG).toBe("v0.9");
  });

  it("names files as the governed seed does", () => {
    expect(versionedFileName("persons", "csv")).toBe("persons_v0_9.csv");
    expect(versionedFileName("snapshot_manifest", "json")).toBe("snapshot_manifest_v0_9.json");
  });
});
