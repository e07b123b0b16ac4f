import { readFileSync, writeFileSync } from "node:fs";
import { GENERATOR } from "@sdh/rules";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";

// The bytes of every file of a small seeded bundle, per generator version. A change to any writer,
// to DuckDB, or to the generator changes a digest here: it must then be made on purpose, with a
// generator version bump (governance/decisions/0006 and the versioning policy).
// To record a new version: SDH_UPDATE_GOLDEN=1 pnpm vitest run --project exporters golden
const registry = new URL("./golden/bundle-digests.json", import.meta.url);

describe("golden bundle", () => {
  it(`seed 42, 200 households: every file's sha256 is the one recorded for ${GENERATOR.name} ${GENERATOR.version}`, async () => {
    const { manifest } = await buildBundle({ records: 200, seed: 42 }, {});
    const digests = Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]));
    const recorded = JSON.parse(readFileSync(registry, "utf8")) as Record<string, Record<string, string>>;
    if (process.env.SDH_UPDATE_GOLDEN === "1" && !recorded[GENERATOR.version]) {
      recorded[GENERATOR.version] = digests;
      writeFileSync(registry, `${JSON.stringify(recorded, null, 2)}\n`);
    }
    expect(digests).toEqual(recorded[GENERATOR.version]);
  });
});
