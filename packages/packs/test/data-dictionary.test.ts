import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dictionaryRows, EXAMPLE_MANIFEST, Manifest, renderDataDictionary } from "@sdh/schemas";
import { Claim, Person } from "@sdh/pack-pc";
import { demoSampleFolder, PACKS } from "../src/index.js";

const COMMITTED = fileURLToPath(new URL("../../../governance/data-dictionary.md", import.meta.url));
const sample = (pack: string, entity: string) => fileURLToPath(new URL(`../../../${demoSampleFolder(pack)}/${entity}_sample.json`, import.meta.url));
const SPECS = PACKS.map((p) => p.spec);

function examples() {
  const records = Object.fromEntries(SPECS.flatMap((pack) => pack.entities.map((e) => [e.name, e.schema.parse((JSON.parse(readFileSync(sample(pack.name, e.name), "utf8")) as unknown[])[0])])));
  return { records, manifest: Manifest.parse(EXAMPLE_MANIFEST) };
}

describe("the data dictionary", () => {
  it("is generated from the schemas: the committed governance/data-dictionary.md is current", () => {
    const text = renderDataDictionary(SPECS, examples());
    // To regenerate after a schema change: pnpm docs:dictionary
    if (process.env.SDH_UPDATE_GOLDEN === "1") writeFileSync(COMMITTED, text);
    expect(readFileSync(COMMITTED, "utf8")).toBe(text);
  });

  it("lists every field of every entity once, with its type, nullability and an example", () => {
    const { records } = examples();
    for (const { schema, name } of SPECS.flatMap((p) => p.entities)) {
      const example = records[name];
      const rows = dictionaryRows(schema, example);
      expect(rows.map((r) => r.field)).toEqual(Object.keys(schema.shape));
      for (const r of rows) {
        expect(r.description, r.field).not.toBe("");
        // A null example is fine for a nullable field; every other field shows a value.
        if (!r.nullable) expect(r.example, r.field).not.toBe("");
      }
    }
    const middle = dictionaryRows(Person, examples().records.persons).find((r) => r.field === "middle_name")!;
    expect(middle).toMatchObject({ type: "string", nullable: true, constraints: "not empty" });
    // A nullable boolean, which zod writes as a list of types rather than anyOf.
    const fault = dictionaryRows(Claim, examples().records.claims).find((r) => r.field === "at_fault")!;
    expect(fault).toMatchObject({ type: "boolean", nullable: true });
    const dob = dictionaryRows(Person, examples().records.persons).find((r) => r.field === "date_of_birth")!;
    expect(dob.type).toBe("date");
  });

  it("walks the manifest's nested objects and lists", () => {
    const fields = dictionaryRows(Manifest, EXAMPLE_MANIFEST).map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(["generator.version", "config.settings", "config.formats", "files[].sha256", "validation.passed", "counts", "pack.name", "pack.version"]));
    expect(dictionaryRows(Manifest, EXAMPLE_MANIFEST).filter((r) => r.description === "").map((r) => r.field)).toEqual([]);
    const records = dictionaryRows(Manifest, EXAMPLE_MANIFEST).find((r) => r.field === "files[].records")!;
    expect(records).toMatchObject({ type: "integer", nullable: true, constraints: "≥ 0", example: "200" });
  });
});
