import { readFileSync, writeFileSync } from "node:fs";
import { PACKS } from "@sdh/packs";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";

// The bytes of every file of a small seeded bundle of each pack, per generator version. A change to
// any writer, to DuckDB, or to a generator changes a digest here: it must then be made on purpose,
// with a generator version bump (governance/decisions/0006 and the versioning policy). The P&C pack's
// versions are keyed by version alone (as before packs); another pack's by `<pack> <version>`.
// To record a new version: SDH_UPDATE_GOLDEN=1 pnpm vitest run --project exporters golden
const registry = new URL("./golden/bundle-digests.json", import.meta.url);

describe("golden bundle", () => {
  it.each(PACKS.map((p) => [p.spec.name, p.generator.name, p.generator.version] as const))(
    "pack %s, seed 42, 200 root records: every file's sha256 is the one recorded for %s %s",
    async (pack, _, version) => {
      const key = pack === "pc" ? version : `${pack} ${version}`;
      const { manifest } = await buildBundle({ pack, records: 200, seed: 42 }, {});
      const digests = Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]));
      const recorded = JSON.parse(readFileSync(registry, "utf8")) as Record<string, Record<string, string>>;
      if (process.env.SDH_UPDATE_GOLDEN === "1" && !recorded[key]) {
        recorded[key] = digests;
        writeFileSync(registry, `${JSON.stringify(recorded, null, 2)}\n`);
      }
      expect(digests).toEqual(recorded[key]);
    },
  );
});
