import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSnapshotConfig, type ValidationReport } from "@sdh/schemas";
import { bucketKeys, checkKeysAcrossShards, mergeShardGates, ValidationGate, type ExportedKeys } from "@sdh/validation";
import { describe, expect, it } from "vitest";
import { compileRecipe, parseRecipe, RecipeError } from "../src/index.js";

// Lookup tables: a product list outside the root's tree, made whole from the seed, written with the
// first root record, named by references from anywhere, read by `product_id.list_price`, and checked
// by the gate in every shard though only one shard holds the rows.

const RETAIL = readFileSync(fileURLToPath(new URL("../examples/retail-orders.yaml", import.meta.url)), "utf8");
/** The retail example with a second lookup (brands) that the product list names. */
const BRANDED = RETAIL.replace(
  "  products:\n",
  "  brands:\n    lookup: { rows: 40 }\n    key: brand_id\n    fields:\n      brand_id: { type: sequence, prefix: B-, width: 3 }\n      brand: { type: company }\n  products:\n",
).replace("      discontinued: { type: boolean, rate: 0.05 }", "      discontinued: { type: boolean, rate: 0.05 }\n      brand_id: { type: reference, entity: brands }\n      brand: { type: derived, expression: brand_id.brand, result: text }");

type Records = Record<string, Array<Record<string, unknown>>>;
const SEED = 11;
const config = (records: number) => parseSnapshotConfig({ records, seed: SEED, asOf: "2026-01-06" });

/** Root records [start, end) as the shards make them: one Records per root record. */
function roots(text: string, records: number, start = 0, end = records): Records[] {
  return [...compileRecipe(parseRecipe(text)).generate(config(records)).range(start, end)].map((r) => r.records as Records);
}
const flat = (list: Records[]): Records => {
  const out: Records = {};
  for (const records of list) for (const [entity, rs] of Object.entries(records)) (out[entity] ??= []).push(...rs);
  return out;
};

/** The gate over shards of `bounds` (root ranges), each on its own records, merged as the workflow merges them. */
async function gateOver(text: string, records: number, bounds: Array<[number, number]>, edit?: (shard: number, records: Records[]) => void): Promise<ValidationReport> {
  const pack = compileRecipe(parseRecipe(text));
  const shards = bounds.map(([start, end], shard) => {
    const made = roots(text, records, start, end);
    edit?.(shard, made);
    const gate = new ValidationGate({ asOf: "2026-01-06", seed: SEED, pack: pack.checks });
    for (const root of made) for (const e of pack.spec.entities) for (const r of root[e.name] ?? []) gate.check(e.name, r);
    return gate.finishShard();
  });
  // Uniqueness across shards as a build checks it: each rule's keys by bucket, range by range.
  const acrossShards = Object.keys(shards[0]!.keys).flatMap((rule) => checkKeysAcrossShards(rule, shards.map((s) => bucketKeys(s.keys[rule] as ExportedKeys))));
  return mergeShardGates(
    shards.map((s) => s.result),
    { pack: pack.checks, acrossShards },
  );
}
const failing = (report: ValidationReport) => report.rules.filter((r) => r.failures > 0).map((r) => r.code);

describe("lookup tables: a table of its own that any record names", () => {
  const whole = flat(roots(RETAIL, 60));

  it("holds exactly its rows, once, with the first root record, the same whatever --records says", () => {
    const list = roots(RETAIL, 60);
    expect(list[0]!.products).toHaveLength(2000);
    expect(list.slice(1).every((r) => r.products!.length === 0)).toBe(true);
    expect(flat(roots(RETAIL, 7)).products).toEqual(whole.products);
    expect(new Set(whole.products!.map((p) => p.product_id)).size).toBe(2000);
    expect(whole.products!.slice(0, 2).map((p) => p.product_id)).toEqual(["P-00001", "P-00002"]);
    // A later range alone names the same rows it names in the whole run.
    const tail = flat(roots(RETAIL, 60, 30, 60));
    expect(tail.products).toEqual([]);
    expect(tail.order_lines).toEqual(whole.order_lines!.slice(-tail.order_lines!.length));
  });

  it("names its rows from any record, spread over the table, and reads their fields", () => {
    const products = new Map(whole.products!.map((p) => [p.product_id, p]));
    for (const line of whole.order_lines!) {
      const product = products.get(line.product_id);
      expect(product, String(line.product_id)).toBeDefined();
      expect(line.unit_price).toBe(product!.list_price);
    }
    expect(new Set(whole.order_lines!.map((l) => l.product_id)).size).toBeGreaterThan(whole.order_lines!.length * 0.8);
    const branded = flat(roots(BRANDED, 5));
    const brands = new Map(branded.brands!.map((b) => [b.brand_id, b.brand]));
    expect(branded.brands).toHaveLength(40);
    for (const p of branded.products!) expect(p.brand).toBe(brands.get(p.brand_id));
    // The product list's other fields keep their values when a field (brand_id) is added.
    expect(branded.products!.map((p) => p.list_price)).toEqual(whole.products!.map((p) => p.list_price));
  });

  it("declares the reference and the table to the engine, and the gate passes at any shard count", async () => {
    const pack = compileRecipe(parseRecipe(RETAIL));
    expect(pack.spec.entities.map((e) => e.name)).toEqual(["customers", "orders", "order_lines", "products"]);
    expect(pack.spec.entities.at(-1)).toMatchObject({ parent: null, lookup: { rows: 2000, rule: "LOOKUP_PRODUCTS_ROWS" } });
    expect(pack.spec.entities[2]!.foreignKeys).toContainEqual({ field: "product_id", entity: "products", key: "product_id", rule: "REF_ORDER_LINES_PRODUCT_ID_MISSING", packRule: true });
    const one = await gateOver(RETAIL, 30, [[0, 30]]);
    const three = await gateOver(RETAIL, 30, [[0, 10], [10, 20], [20, 30]]);
    expect([failing(one), failing(three)]).toEqual([[], []]);
    expect(three.rules.map((r) => r.code)).toEqual(expect.arrayContaining(["LOOKUP_PRODUCTS_ROWS", "REF_ORDER_LINES_PRODUCT_ID_MISSING"]));
    expect(three.counts.products).toBe(2000);
  }, 60_000);

  it("fails the gate when a reference names no row, when a row is missing, foreign or written twice", async () => {
    // A line in the third shard (which holds no product rows) names a product the table does not have.
    const unknown = await gateOver(RETAIL, 30, [[0, 10], [10, 20], [20, 30]], (shard, records) => {
      if (shard === 2) records[0]!.order_lines![0]!.product_id = "P-99999";
    });
    expect(failing(unknown)).toEqual(["REF_ORDER_LINES_PRODUCT_ID_MISSING"]);
    const rule = unknown.rules.find((r) => r.code === "REF_ORDER_LINES_PRODUCT_ID_MISSING")!;
    expect([rule.failures, rule.examples[0]]).toEqual([1, expect.objectContaining({ product_id: "P-99999" })]);
    const dropped = await gateOver(RETAIL, 30, [[0, 15], [15, 30]], (shard, records) => {
      if (shard === 0) records[0]!.products!.pop();
    });
    expect(failing(dropped)).toEqual(["LOOKUP_PRODUCTS_ROWS"]);
    const foreign = await gateOver(RETAIL, 30, [[0, 30]], (_shard, records) => {
      records[0]!.products![5]!.product_id = "P-77777";
    });
    expect(failing(foreign)).toEqual(expect.arrayContaining(["LOOKUP_PRODUCTS_ROWS"]));
    const twice = await gateOver(RETAIL, 30, [[0, 15], [15, 30]], (shard, records) => {
      if (shard === 1) records[0]!.products = structuredClone(roots(RETAIL, 30, 0, 1)[0]!.products!);
    });
    expect(failing(twice).sort()).toEqual(["LOOKUP_PRODUCTS_ROWS", "UNIQUE_PRODUCTS_PRODUCT_ID"]);
    // Nine gates over 2,000-row tables: well under a second alone, several under a loaded CI.
  }, 60_000);

  it.each([
    ["a lookup table with a parent", (t: string) => t.replace("    lookup: { rows: 2000 }\n", "    lookup: { rows: 2000 }\n    parent: { entity: customers, field: customer_id, children: { fixed: 1 } }\n"), /entities\.products\.lookup: a lookup table is a table of its own: it has no parent/],
    ["an entity hanging from a lookup table", (t: string) => `${t}  reviews:\n    key: review_id\n    parent: { entity: products, field: product_id, children: { fixed: 1 } }\n    fields:\n      review_id: { type: uuid }\n`, /entities\.reviews\.parent\.entity: products is a lookup table: nothing hangs from it; name one of its records with a field \{ type: reference, entity: products \}/],
    ["a lookup table naming a record of the tree", (t: string) => t.replace("      discontinued: { type: boolean, rate: 0.05 }", "      discontinued: { type: boolean, rate: 0.05 }\n      first_order: { type: reference, entity: orders }"), /products is a lookup table, outside the root's tree: its references name only another lookup table's records/],
    ["a lookup table naming a lookup listed after it", (t: string) => `${t.replace("      discontinued: { type: boolean, rate: 0.05 }", "      discontinued: { type: boolean, rate: 0.05 }\n      brand_id: { type: reference, entity: brands }")}  brands:\n    lookup: { rows: 3 }\n    key: brand_id\n    fields:\n      brand_id: { type: uuid }\n`, /brands is a lookup table listed after products: list it before products/],
    ["more lookup rows than the bound", (t: string) => t.replace("lookup: { rows: 2000 }", "lookup: { rows: 100000 }").replace("  products:\n", "  brands:\n    lookup: { rows: 5 }\n    key: brand_id\n    fields:\n      brand_id: { type: uuid }\n  products:\n"), /the lookup tables hold 100,005 rows together; at most 100,000/],
    ["a field the named record does not have", (t: string) => t.replace("expression: product_id.list_price", "expression: product_id.price"), /the record product_id names has no field 'price'; its fields are: product_id, sku, department, list_price, discontinued/],
    ["ref.field on a field that is not a reference", (t: string) => t.replace("expression: product_id.list_price", "expression: quantity.list_price"), /quantity is neither a reference field of this entity \(ref\.field reads the record it names\) nor a child entity/],
    ["a second table of its own that is not a lookup", (t: string) => t.replace("    lookup: { rows: 2000 }\n", ""), /one entity is the root \(no parent\); customers and products have none \(a table of its own that records name is a lookup table: give it lookup: \{ rows: N \}\)/],
  ])("refuses %s, naming where and what is allowed", (_what, edit, message) => {
    let error: unknown;
    try {
      parseRecipe(edit(RETAIL), "retail.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecipeError);
    expect((error as RecipeError).message).toMatch(message);
    expect((error as RecipeError).message).toMatch(/^retail\.yaml:\d+:\d+: /);
  });
});
