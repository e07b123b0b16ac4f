import type { PackSpec } from "@sdh/schemas";
import { CompactKeySet, DeclaredChecks, ValidationGate, type FailureSink, type PackChecks } from "@sdh/validation";
import { describe, expect, it } from "vitest";
import { z } from "zod";

// A pack that is not P&C: the declared rules must hold for any declaration, not only for persons.
const Account = z.object({ account_id: z.uuid(), tier: z.enum(["basic", "gold"]), email: z.string().endsWith("@example.com") });
const Card = z.object({ card_id: z.uuid(), account_id: z.uuid(), twin_id: z.uuid().nullable() });
const Limit = z.object({ limit_id: z.uuid(), account_id: z.uuid(), amount: z.number().int().min(0) });
const PACK: PackSpec = {
  name: "bank",
  dataset: "bank",
  title: "Bank",
  description: "",
  entities: [
    { name: "accounts", title: "Account", description: "", schema: Account, primaryKey: "account_id", rules: { schema: "S_ACCOUNT", unique: "U_ACCOUNT" }, foreignKeys: [], parent: null, fieldRules: { email: "P_EMAIL" } },
    {
      name: "cards",
      title: "Card",
      description: "",
      schema: Card,
      primaryKey: "card_id",
      rules: { schema: "S_CARD", unique: "U_CARD" },
      foreignKeys: [
        { field: "account_id", entity: "accounts", key: "account_id", rule: "R_CARD_ACCOUNT" },
        { field: "twin_id", entity: "cards", key: "card_id", rule: "R_CARD_TWIN" },
      ],
      parent: { entity: "accounts", field: "account_id", cardinality: "many" },
    },
    {
      name: "limits",
      title: "Limit",
      description: "",
      schema: Limit,
      primaryKey: "limit_id",
      rules: { schema: "S_LIMIT", unique: "U_LIMIT" },
      foreignKeys: [{ field: "account_id", entity: "accounts", key: "account_id", rule: "R_LIMIT_ACCOUNT" }],
      parent: { entity: "accounts", field: "account_id", cardinality: "one", missingRule: "R_LIMIT_MISSING", duplicateRule: "R_LIMIT_DUPLICATE" },
    },
  ],
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function run(records: Array<[string, Record<string, unknown>]>) {
  const failures: Array<{ code: string; scope: string; example: unknown }> = [];
  const sink = (scope: string): FailureSink => ({ fail: (code, example) => failures.push({ code, scope, example }), failLazy: (code, example) => failures.push({ code, scope, example: example() }) });
  const keys = Object.fromEntries(PACK.entities.map((e) => [e.rules.unique, new CompactKeySet("uuid")]));
  const checks = new DeclaredChecks(PACK, keys, sink);
  const positions = new Map<string, number>();
  const refs: number[][] = [];
  for (const [entity, record] of records) {
    const position = (positions.get(entity) ?? 0) + 1;
    positions.set(entity, position);
    refs.push([...checks.check(entity, record, position).refs]);
  }
  checks.finish();
  return { failures, refs };
}

const account = (n: number, extra: object = {}) => ["accounts", { account_id: id(n), tier: "basic", email: `a${n}@example.com`, ...extra }] as [string, Record<string, unknown>];
const card = (n: number, owner: number, twin: number | null = null) => ["cards", { card_id: id(100 + n), account_id: id(owner), twin_id: twin === null ? null : id(100 + twin) }] as [string, Record<string, unknown>];
const limit = (n: number, owner: number) => ["limits", { limit_id: id(200 + n), account_id: id(owner), amount: 500 }] as [string, Record<string, unknown>];

describe("the rules a declaration implies, for any pack (ADR 0016)", () => {
  it("passes records that keep them, and hands the pack's rules the ordinals each reference names", () => {
    const { failures, refs } = run([account(1), account(2), card(1, 2), card(2, 1, 1), limit(1, 1), limit(2, 2)]);
    expect(failures).toEqual([]);
    // card 2 names account 1 (ordinal 0) and its twin card 1 (ordinal 0); limit 2 names account 2 (ordinal 1).
    expect(refs).toEqual([[], [], [1, -1], [0, 0], [0], [1]]);
  });

  it("reports each broken rule under the code the declaration names, with the record's position and key", () => {
    const { failures } = run([
      account(1),
      account(1), // repeats a primary key
      account(2, { tier: "platinum", email: "x@real.org" }), // schema, and a field with its own rule
      card(1, 9), // names a missing account
      card(2, 2, 7), // names a missing twin card
      limit(1, 2),
      limit(2, 2), // a second limit for account 2
    ]);
    expect(failures).toEqual([
      { code: "U_ACCOUNT", scope: "accounts", example: { record: 2, account_id: id(1) } },
      { code: "P_EMAIL", scope: "accounts", example: { record: 3, account_id: id(2), email: "x@real.org" } },
      { code: "S_ACCOUNT", scope: "accounts", example: { record: 3, account_id: id(2), problems: [expect.stringMatching(/^tier: /)] } },
      { code: "R_CARD_ACCOUNT", scope: "cards", example: { record: 1, card_id: id(101), account_id: id(9) } },
      { code: "R_CARD_TWIN", scope: "cards", example: { record: 2, card_id: id(102), account_id: id(2), twin_id: id(107) } },
      { code: "R_LIMIT_DUPLICATE", scope: "limits", example: { record: 2, limit_id: id(202), account_id: id(2) } },
      // account 1 (the first, at position 1) has no limit: reported at the end, in the parent's stream
      { code: "R_LIMIT_MISSING", scope: "accounts", example: { record: 1 } },
    ]);
  });

  it("does not report a reference the schema already rejects, nor a null one the schema allows", () => {
    const { failures } = run([account(1), ["cards", { card_id: id(101), account_id: 42, twin_id: null }], limit(1, 1)]);
    expect(failures.map((f) => f.code)).toEqual(["S_CARD"]);
  });

  it("refuses a pack whose rules the catalog does not have, naming them", () => {
    // A catalog of another pack's rules: none of the bank's declared codes is in it.
    const elsewhere: PackChecks = { pack: PACK, rules: { COUNT_CONFIG_MISMATCH: { severity: "error", message: "counts" } }, uniqueKeys: {}, create: () => ({ checks: {}, bytes: () => 0 }) };
    expect(() => new ValidationGate({ asOf: "2026-01-06", pack: elsewhere })).toThrow("pack bank names rules its catalog does not have: S_ACCOUNT, U_ACCOUNT, S_CARD, U_CARD, R_CARD_ACCOUNT, R_CARD_TWIN, S_LIMIT, U_LIMIT, R_LIMIT_ACCOUNT, R_LIMIT_MISSING, R_LIMIT_DUPLICATE");
  });
});
