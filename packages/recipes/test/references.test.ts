import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { compileRecipe, parseRecipe } from "../src/index.js";

// References besides the parent: an order line ships to one of its customer's addresses. The
// addresses hang from the customer and are built before the orders' branch, so the reference always
// names a record of the same tree (the same shard), and is null when the customer has none.

const RECIPE = readFileSync(fileURLToPath(new URL("./fixtures/references.yaml", import.meta.url)), "utf8");

function generate(text: string, n: number, start = 0) {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const root of compileRecipe(parseRecipe(text)).generate(parseSnapshotConfig({ records: n, seed: 5, asOf: "2026-01-06" })).range(start, n)) {
    for (const [entity, list] of Object.entries(root.records)) (out[entity] ??= []).push(...list);
  }
  return out;
}

describe("references: a foreign key to a record beside one's branch", () => {
  const out = generate(RECIPE, 400);

  it("names one of the same customer's addresses, or null when the customer has none; the gate checks it", () => {
    const addressesOf = new Map<unknown, Set<unknown>>();
    for (const a of out.addresses!) addressesOf.set(a.customer_id, (addressesOf.get(a.customer_id) ?? new Set()).add(a.address_id));
    const customerOf = new Map(out.orders!.map((o) => [o.order_id, o.customer_id]));
    let nulls = 0;
    const used = new Set<unknown>();
    for (const l of out.lines!) {
      const mine = addressesOf.get(customerOf.get(l.order_id)) ?? new Set();
      if (l.ship_to === null) {
        nulls++;
        expect(mine.size).toBe(0);
      } else expect(mine.has(l.ship_to)).toBe(true);
      used.add(l.ship_to);
    }
    expect(nulls).toBeGreaterThan(0);
    expect(used.size).toBeGreaterThan(out.addresses!.length * 0.6); // spread over the addresses, not the first
    const lines = compileRecipe(parseRecipe(RECIPE)).spec.entities.find((e) => e.name === "lines")!;
    expect(lines.foreignKeys).toContainEqual({ field: "ship_to", entity: "addresses", key: "address_id", rule: "REF_LINES_SHIP_TO_MISSING" });
  });

  it("is the same for any range of root records", () => {
    expect(generate(RECIPE, 400, 300).lines).toEqual(out.lines!.filter((l) => out.orders!.findIndex((o) => o.order_id === l.order_id) >= out.orders!.findIndex((o) => o.customer_id === out.customers![300]!.customer_id)));
  });

  it("refuses a reference the tree cannot serve, saying why", () => {
    const bad = (target: string, recipe = RECIPE) => () => parseRecipe(recipe.replace("ship_to: { type: reference, entity: addresses }", `ship_to: { type: reference, entity: ${target} }`));
    expect(bad("nope")).toThrow(/entities\.lines\.fields\.ship_to\.entity: no entity 'nope'/);
    expect(bad("orders")).toThrow(/orders is an ancestor of lines/);
    expect(bad("customers")).toThrow(/customers is an ancestor of lines/);
    // Addresses listed after orders: not made yet when the lines are.
    const late = RECIPE.replace(/ {2}addresses:\n( {4}.*\n)+?(?= {2}orders:)/, "").replace("  lines:", `  addresses:\n    key: address_id\n    parent: { entity: customers, field: customer_id, children: { fixed: 1 } }\n    fields:\n      address_id: { type: uuid }\n  lines:`);
    expect(() => parseRecipe(late)).toThrow(/addresses is built after orders, the branch lines is in: list addresses before orders/);
    const elsewhere = RECIPE.replace("  lines:", `  notes:\n    key: note_id\n    parent: { entity: addresses, field: address_id, children: { fixed: 1 } }\n    fields:\n      note_id: { type: uuid }\n  lines:`);
    expect(bad("notes", elsewhere)).toThrow(/notes hangs from addresses, which is not an ancestor of lines/);
  });
});
