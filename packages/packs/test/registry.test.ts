import { DOCUMENT_KINDS, Entity, impliedRules, packSpecProblems, parseSnapshotConfig } from "@sdh/schemas";
import { uniqueRulesOf } from "@sdh/validation";
import { describe, expect, it } from "vitest";
import { DEFAULT_PACK_NAME, packNamed, packOf, PACK_ENTITY_NAMES, PACK_GENERATORS, PACK_NAMES, PACK_SUMMARIES, PACKS, UnknownPackError } from "../src/index.js";

describe("the packs this release ships (ADR 0016)", () => {
  it("are pc (the default) and fintech, each found by its name, and a config without one is pc", () => {
    expect(PACK_NAMES).toEqual(["pc", "fintech"]);
    // The plain-data list help and settings read without loading a pack (@sdh/packs/names) is the packs' own.
    expect(PACK_ENTITY_NAMES).toEqual(Object.fromEntries(PACKS.map((p) => [p.spec.name, p.spec.entities.map((e) => e.name)])));
    expect(PACK_GENERATORS).toEqual(Object.fromEntries(PACKS.map((p) => [p.spec.name, p.generator])));
    expect(Object.keys(PACK_SUMMARIES)).toEqual(PACK_NAMES);
    expect(DEFAULT_PACK_NAME).toBe(PACKS[0]!.spec.name);
    for (const pack of PACKS) expect(packNamed(pack.spec.name)).toBe(pack);
    expect(packOf(parseSnapshotConfig({}))).toBe(packNamed("pc"));
    expect(packOf({ pack: { name: "fintech" } })).toBe(packNamed("fintech"));
    expect(packOf({})).toBe(packNamed("pc"));
    expect(() => packNamed("crypto")).toThrow(new UnknownPackError("pack 'crypto' is not one this release of sdh ships; the packs are: pc, fintech"));
  });

  it.each(PACKS.map((p) => [p.spec.name, p] as const))("%s: a sound declaration of valid entity names, a catalog holding every rule its gate can report", (_, pack) => {
    expect(packSpecProblems(pack.spec)).toEqual([]);
    for (const e of pack.spec.entities) expect(Entity.safeParse(e.name).success, e.name).toBe(true);
    const catalog = Object.keys(pack.checks.rules);
    const needed = [...impliedRules(pack.spec).map((r) => r.code), ...Object.keys(uniqueRulesOf(pack.checks)), "COUNT_CONFIG_MISMATCH", "COUNT_GENERATED_MISMATCH", "COUNT_EXPORT_MISMATCH", "COUNT_MANIFEST_MISMATCH"];
    expect(needed.filter((code) => !catalog.includes(code))).toEqual([]);
    for (const e of pack.spec.entities) for (const code of Object.values(e.fieldRules ?? {})) expect(catalog, code).toContain(code);
    expect(pack.generator.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("never share an entity name, so a data file's name says which pack it belongs to", () => {
    const names = PACKS.flatMap((p) => p.spec.entities.map((e) => e.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => (DOCUMENT_KINDS as readonly string[]).includes(n))).toEqual([]);
  });
});
