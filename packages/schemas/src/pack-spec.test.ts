import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Counts, DOCUMENT_KINDS, Entity, packSpecProblems, type PackSpec } from "./index.js";

describe("pack declarations (ADR 0016)", () => {
  it("an entity name is lowercase words, never a document kind; counts take any pack's entities", () => {
    expect(["persons", "policy_vehicles", "transactions"].map((n) => Entity.safeParse(n).success)).toEqual([true, true, true]);
    expect(["Persons", "1x", "a-b", "", ...DOCUMENT_KINDS].map((n) => Entity.safeParse(n).success)).toEqual(Array(4 + DOCUMENT_KINDS.length).fill(false));
    expect(Counts.parse({ customers: 3, accounts: 5 })).toEqual({ customers: 3, accounts: 5 });
    expect(Counts.safeParse({ "../x": 1 }).success).toBe(false);
    expect(Counts.safeParse({ persons: -1 }).success).toBe(false);
  });

  it("names each flaw of a declaration: twice, parent after, unknown key fields, a foreign key not to a primary key, field rules and sizes", () => {
    const root = z.object({ id: z.string() });
    const child = z.object({ child_id: z.string(), root_id: z.string() });
    const rules = { schema: "SCHEMA_X_INVALID", unique: "UNIQUE_X_ID" };
    const bad: PackSpec = {
      name: "bad",
      dataset: "bad",
      title: "Bad",
      description: "",
      entities: [
        { name: "roots", title: "Root", description: "", schema: root, primaryKey: "id", rules, foreignKeys: [], parent: null },
        { name: "children", title: "Child", description: "", schema: child, primaryKey: "nope", rules, foreignKeys: [{ field: "root_id", entity: "roots", key: "root_id", rule: "REF_X" }], parent: { entity: "roots", field: "root_id", cardinality: "many" } },
        { name: "orphans", title: "Orphan", description: "", schema: child, primaryKey: "child_id", rules, foreignKeys: [], parent: { entity: "later", field: "root_id", cardinality: "one", missingRule: "REF_Y", duplicateRule: "REF_Z" } },
        { name: "roots", title: "Root", description: "", schema: root, primaryKey: "id", rules, foreignKeys: [], parent: null, fieldRules: { email: "PRIVACY_X" }, perRoot: 0 },
      ],
    };
    expect(packSpecProblems(bad)).toEqual([
      "children: primary key nope is not a field of its schema",
      "children.root_id: roots.root_id is not its primary key",
      "orphans: parent later is not declared before it",
      "orphans: parent field root_id is not declared as a foreign key to later",
      "roots is declared twice",
      "roots has no parent; only the first entity is the root (or a lookup table)",
      "roots: field rule for email, which is not a field of its schema",
      "roots: perRoot must be a positive number, got 0",
    ]);
  });
});
