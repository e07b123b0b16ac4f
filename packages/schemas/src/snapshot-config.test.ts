import { describe, expect, expectTypeOf, it } from "vitest";
import { ConfigError, parseSnapshotConfig, type SnapshotConfig } from "./index.js";

describe("SnapshotConfig", () => {
  it("has reproducible defaults: ~200 records, a fixed seed and a fixed asOf", () => {
    const config = parseSnapshotConfig({});
    expect(config).toMatchObject({ records: 200, seed: 42, asOf: "2026-01-06", formats: ["csv", "json", "parquet"], schemaVersion: "0.9.1", settings: {} });
    expectTypeOf(config).toEqualTypeOf<SnapshotConfig>();
  });

  it("gives one clear message per invalid field, with what was given", () => {
    const error = (() => {
      try {
        parseSnapshotConfig({ records: -5, seed: 1.5, asOf: "2026-13-01", formats: ["csv", "xlsx"] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems).toContain("records: must be at least 1 (got -5)");
    expect(problems).toContain("seed: must be a whole number from 0 to 2^53 - 1 (got 1.5)");
    expect(problems.find((p) => p.startsWith("asOf:"))).toContain('"2026-13-01"');
    expect(problems.find((p) => p.startsWith("formats.1:"))).toMatch(/xlsx/);
  });

  it("takes a layout only as files or parts of a whole, positive number of root records that whole shards make up", () => {
    expect(parseSnapshotConfig({}).layout).toBeUndefined();
    expect(parseSnapshotConfig({ shardSize: 25, layout: { kind: "parts", roots: 100 } }).layout).toEqual({ kind: "parts", roots: 100 });
    const problems = (input: unknown) => {
      try {
        parseSnapshotConfig(input);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ layout: { kind: "zip" } })).toEqual([expect.stringMatching(/^layout\.kind: must be \{ kind: files \} or \{ kind: parts, roots: N \}/)]);
    expect(problems({ layout: { kind: "parts", roots: 0 } })).toEqual([expect.stringMatching(/^layout\.roots: must be at least 1/)]);
    expect(problems({ layout: { kind: "parts", roots: "100" } })).toEqual([expect.stringMatching(/^layout\.roots: must be a whole number of root records per part/)]);
    expect(problems({ layout: { kind: "parts", roots: 100, path: "../x" } })).toEqual(["layout: unknown field(s) 'path'; allowed: kind, roots"]);
    expect(problems({ layout: "parts" })[0]).toMatch(/^layout: must be \{ kind: files \} or \{ kind: parts, roots: N \}/);
    expect(problems({ shardSize: 30, layout: { kind: "parts", roots: 100 } })).toEqual(["layout.roots: must be a multiple of shardSize (30), so every part is made of whole shards; got 100"]);
  });

  it("names unknown fields and the allowed ones", () => {
    expect(() => parseSnapshotConfig({ record: 10 })).toThrow(/config: unknown field\(s\) 'record'; allowed: pack, records, seed, asOf/);
  });

  it("sends the P&C settings of schemas 0.1-0.8 to settings, saying where (the pack checks them: packs' withPackSettings)", () => {
    let error: unknown;
    try {
      parseSnapshotConfig({ lobMix: { personal: 1, commercial: 0 }, identifiers: "synthetic", record: 3 });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      "lobMix: a setting of the pc pack since schema 0.9: write it as settings.lobMix",
      "identifiers: a setting of the pc pack since schema 0.9: write it as settings.identifiers",
      expect.stringMatching(/^config: unknown field\(s\) 'record'; allowed: pack, records, seed, asOf, settings/),
    ]);
    expect(parseSnapshotConfig({ settings: { identifiers: "synthetic" } }).settings).toEqual({ identifiers: "synthetic" });
    expect(() => parseSnapshotConfig({ settings: { "not-a-name": 1 } })).toThrow(/settings\.not-a-name: a setting's name is camelCase letters and digits/);
  });
});
