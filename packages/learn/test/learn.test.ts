import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { compileRecipe, parseRecipe } from "@sdh/recipes";
import { parseSnapshotConfig } from "@sdh/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { augmentTables, learnFromTables, learnReport, LearnError, readSampleFile, SampleError, writeAugmented, type SampleTable } from "../src/index.js";

// sdh learn on samples we can check it against: three tables made from the retail-orders example
// recipe (customers, orders, order lines; written as CSV, JSONL and Parquet), and small tables with
// relations we set. What it learns must run, keep the tables' tree, resolve every reference, carry
// no sample value it may not, and come back alike.

const example = readFileSync(fileURLToPath(new URL("../../recipes/examples/retail-orders.yaml", import.meta.url)), "utf8");
const dir = mkdtempSync(join(tmpdir(), "sdh-learn-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generated(text: string, records: number, seed = 3) {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const root of compileRecipe(parseRecipe(text)).generate(parseSnapshotConfig({ records, seed, asOf: "2026-01-06" })).range(0, records)) {
    for (const [entity, list] of Object.entries(root.records)) (out[entity] ??= []).push(...list);
  }
  return out;
}

const csvCell = (v: unknown) => (v === null || v === undefined ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
function writeCsv(path: string, rows: Array<Record<string, unknown>>) {
  const columns = Object.keys(rows[0]!);
  writeFileSync(path, `${[columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))].join("\n")}\n`);
}

let sample: Record<string, Array<Record<string, unknown>>>;
let tables: SampleTable[];
beforeAll(async () => {
  sample = generated(example, 400);
  writeCsv(join(dir, "customers.csv"), sample.customers!);
  writeFileSync(join(dir, "orders.jsonl"), sample.orders!.map((r) => JSON.stringify(r)).join("\n"));
  writeCsv(join(dir, "lines.csv"), sample.order_lines!);
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${join(dir, "lines.csv")}')) TO '${join(dir, "order_lines.parquet")}' (FORMAT parquet)`);
  connection.closeSync();
  db.closeSync();
  tables = await Promise.all(["customers.csv", "orders.jsonl", "order_lines.parquet"].map((f) => readSampleFile(join(dir, f))));
});

describe("sdh learn: a recipe from sample tables", () => {
  it("reads CSV, JSONL and Parquet, names entities after the files, and finds each table's key and parent", () => {
    expect(tables.map((t) => [t.stem, t.rows])).toEqual([
      ["customers", 400],
      ["orders", sample.orders!.length],
      ["order_lines", sample.order_lines!.length],
    ]);
    const { recipe } = learnFromTables(tables, { k: 5 });
    const e = recipe.document.entities;
    expect(recipe.order).toEqual(["customers", "orders", "order_lines"]);
    expect([e.customers!.key, e.customers!.fields.customer_id!.type]).toEqual(["customer_id", "uuid"]);
    expect(e.orders!.parent).toMatchObject({ entity: "customers", field: "customer_id" });
    expect(e.order_lines!.parent).toMatchObject({ entity: "orders", field: "order_id" });
    expect(recipe.document.records).toBe(400);
    // What the values are, by type: synthesized, not copied.
    expect(Object.fromEntries(["first_name", "last_name", "email", "phone", "postal_code", "city"].map((f) => [f, e.customers!.fields[f]!.type]))).toEqual({ first_name: "first_name", last_name: "last_name", email: "email", phone: "phone", postal_code: "postal_code", city: "city" });
    // States common enough to be a category keep their shares; the rest are left out.
    const states = e.customers!.fields.state as { type: string; values: string[] };
    expect(states.type).toBe("category");
    for (const s of states.values) expect(sample.customers!.filter((c) => c.state === s).length).toBeGreaterThanOrEqual(5);
    expect(e.orders!.fields.placed_at!.type).toBe("timestamp");
    expect(e.customers!.fields.phone!.nullRate).toBeGreaterThan(0);
  });

  it("carries no sample value a privacy rule keeps home: no names, emails, keys, nor categories held by fewer than k rows", () => {
    const { recipe } = learnFromTables(tables, { k: 5 });
    // Every value the recipe holds, as text: no sample value may be among them.
    const held = new Set<string>();
    const collect = (node: unknown): void => {
      if (node && typeof node === "object") Object.values(node).forEach(collect);
      else held.add(String(node));
    };
    collect(recipe.document);
    for (const c of sample.customers!) for (const field of ["email", "first_name", "last_name", "customer_id", "street", "phone", "city", "postal_code"]) if (c[field]) expect(held.has(String(c[field])), `${field} ${String(c[field])}`).toBe(false);
    const promo = new Map<string, number>();
    for (const o of sample.orders!) if (o.promo_code) promo.set(String(o.promo_code), (promo.get(String(o.promo_code)) ?? 0) + 1);
    const rare = [...promo].filter(([, n]) => n < 5).map(([v]) => v);
    expect(rare.length).toBeGreaterThan(0);
    for (const v of rare) expect(held.has(v)).toBe(false);
  });

  it("writes a recipe that generates: every reference resolves, at twice the sample's size", () => {
    const { text } = learnFromTables(tables, { k: 5 });
    const out = generated(text, 800, 9);
    const customers = new Set(out.customers!.map((c) => c.customer_id));
    const orders = new Set(out.orders!.map((o) => o.order_id));
    expect(out.orders!.every((o) => customers.has(o.customer_id))).toBe(true);
    expect(out.order_lines!.every((l) => orders.has(l.order_id))).toBe(true);
    // Children per parent follow the sample's (3.2 orders per customer in the example).
    expect(out.orders!.length / 800).toBeCloseTo(sample.orders!.length / 400, 0);
  });

  it("comes back alike and not copied: the report's fidelity is high and generated rows are no closer to the sample than held-out rows", () => {
    const learned = learnFromTables(tables, { k: 5 });
    const report = learnReport(tables, { k: 5 }, learned);
    expect(report.entities.map((e) => e.entity)).toEqual(["customers", "orders", "order_lines"]);
    for (const e of report.entities) {
      expect(e.fidelity.score, e.entity).toBeGreaterThan(0.85);
      expect(e.privacy!.identical, e.entity).toBeLessThanOrEqual(e.privacy!.holdoutIdentical + 0.05);
      expect(e.privacy!.closest.p50, e.entity).toBeGreaterThanOrEqual(e.privacy!.holdoutClosest.p50 * 0.5);
    }
    expect(report.entities[0]!.rows.training + report.entities[0]!.rows.holdout).toBe(400);
  });

  it("learns how numbers and categories move together, and is the same text every time", async () => {
    // x and y correlated (y = x + noise), z independent, a category whose mean x differs.
    const rows = Array.from({ length: 2_000 }, (_, i) => {
      const u = ((i * 7919) % 2000) / 2000;
      const noise = (((i * 104729) % 1000) / 1000 - 0.5) * 0.3;
      return { id: i + 1, x: Math.round(u * 1000) / 10, y: Math.round((u + noise) * 1000) / 10, z: ((i * 31) % 97) / 10, grade: u < 0.3 ? "low" : u < 0.8 ? "mid" : "high" };
    });
    writeCsv(join(dir, "measures.csv"), rows);
    const table = await readSampleFile(join(dir, "measures.csv"));
    const learned = learnFromTables([table], { k: 5 });
    const c = learned.recipe.document.entities.measures!.correlations!;
    const r = (a: string, b: string) => c.matrix[c.fields.indexOf(a)]![c.fields.indexOf(b)]!;
    expect(r("x", "y")).toBeGreaterThan(0.9);
    expect(Math.abs(r("x", "z"))).toBeLessThan(0.1);
    expect(Math.abs(r("grade", "x"))).toBeGreaterThan(0.8); // the category relisted in the order of its mean x
    expect(learnReport([table], { k: 5 }, learned).entities[0]!.fidelity.trends).toBeGreaterThan(0.9);
    expect(learnFromTables([table], { k: 5 }).text).toBe(learned.text);
  });

  it("keeps the short labels k rows hold and makes the rest phrases of the words k rows hold: no rare label carried", async () => {
    // 300 products: three names held by 40 rows each, and 180 names of their own (1 row each) made of
    // shared words and a word of their own.
    const adjectives = ["Deluxe", "Compact", "Classic", "Pro", "Mini", "Ultra"];
    const nouns = ["Widget", "Gadget", "Blender", "Kettle", "Toaster"];
    const rows = [
      ...Array.from({ length: 120 }, (_, i) => ({ sku: i + 1, product: ["Classic Kettle", "Pro Blender", "Mini Toaster"][i % 3]! })),
      ...Array.from({ length: 180 }, (_, i) => ({ sku: 121 + i, product: `${adjectives[i % 6]!} ${nouns[i % 5]!} Zx${(i * 7919).toString(36)}` })),
    ];
    writeCsv(join(dir, "products.csv"), rows);
    const learned = learnFromTables([await readSampleFile(join(dir, "products.csv"))], { k: 5 });
    const spec = learned.recipe.document.entities.products!.fields.product as { type: string; values: string[]; other: { rate: number; words: string[]; lengths: Record<string, number> } };
    expect(spec.type).toBe("category");
    expect(spec.values).toEqual(["Classic Kettle", "Mini Toaster", "Pro Blender"]);
    expect(spec.other.rate).toBe(0.6);
    expect([...spec.other.words].sort()).toEqual([...adjectives, ...nouns].sort());
    expect(spec.other.lengths).toEqual({ "2": 120, "3": 180 });
    // No name of its own (a row's) is in the recipe, and none comes out of it.
    for (const r of rows.slice(120)) expect(learned.text).not.toContain(r.product.split(" ")[2]);
    const made = generated(learned.text, 2_000).products!.map((r) => String(r.product));
    expect(made.filter((p) => spec.values.includes(p)).length / made.length).toBeCloseTo(0.4, 1);
    expect(made.every((p) => spec.values.includes(p) || p.split(" ").every((w) => spec.other.words.includes(w)))).toBe(true);
  });

  it("augments: the sample's rows, then synthetic ones in each sample's format, keys after the sample's, every reference resolved", async () => {
    const learned = learnFromTables(tables, { k: 5 });
    const folder = join(dir, "augmented");
    await writeAugmented(folder, augmentTables(tables, learned, { records: 60, seed: 5 }));
    const back = await Promise.all(["customers.csv", "orders.jsonl", "order_lines.parquet"].map((f) => readSampleFile(join(folder, f))));
    const column = (t: SampleTable, name: string) => t.columns.find((c) => c.name === name)!.values;
    const [customers, orders, lines] = back as [SampleTable, SampleTable, SampleTable];
    expect(customers.rows).toBe(460);
    expect(customers.columns.map((c) => c.name)).toEqual(tables[0]!.columns.map((c) => c.name));
    // The sample's rows first, as they were read.
    for (const [i, t] of back.entries()) for (const c of t.columns) expect(c.values.slice(0, tables[i]!.rows), `${t.stem}.${c.name}`).toEqual(tables[i]!.columns.find((x) => x.name === c.name)!.values);
    for (const [t, key] of [[customers, "customer_id"], [orders, "order_id"], [lines, "line_id"]] as const) expect(new Set(column(t, key)).size, key).toBe(t.rows);
    const customerIds = new Set(column(customers, "customer_id"));
    const orderIds = new Set(column(orders, "order_id"));
    expect(column(orders, "customer_id").every((id) => customerIds.has(id))).toBe(true);
    expect(column(lines, "order_id").every((id) => orderIds.has(id))).toBe(true);
    expect(orders.rows).toBeGreaterThan(tables[1]!.rows);
    // A non-empty folder is refused and left as it was.
    await expect(writeAugmented(folder, augmentTables(tables, learned, { records: 5, seed: 5 }))).rejects.toThrow(/the folder is not empty/);
    expect((await readSampleFile(join(folder, "customers.csv"))).rows).toBe(460);
  });

  it("continues keys: numbers count on, prefixed numbers count on in their width", async () => {
    writeCsv(join(dir, "accounts.csv"), Array.from({ length: 40 }, (_, i) => ({ account_no: `AC-${String(i + 1).padStart(5, "0")}`, balance: (i * 37) % 500 })));
    writeCsv(join(dir, "payments.csv"), Array.from({ length: 120 }, (_, i) => ({ payment_id: i + 1, account_no: `AC-${String((i % 40) + 1).padStart(5, "0")}`, amount: (i * 13) % 90 })));
    const samples = await Promise.all(["accounts.csv", "payments.csv"].map((f) => readSampleFile(join(dir, f))));
    const augmented = augmentTables(samples, learnFromTables(samples, { k: 5 }), { records: 10, seed: 1 });
    expect(augmented[0]!.rows.slice(40).map((r) => r[0])).toEqual(Array.from({ length: 10 }, (_, i) => `AC-${String(41 + i).padStart(5, "0")}`));
    const payments = augmented[1]!.rows.slice(120);
    expect(payments.map((r) => r[0])).toEqual(Array.from({ length: payments.length }, (_, i) => 121 + i));
    expect(payments.every((r) => Number(String(r[1]).slice(3)) > 40)).toBe(true);
  });

  it("keeps a reference the tree can serve (a line ships to its own customer's address), and augments it resolved", async () => {
    const text = readFileSync(fileURLToPath(new URL("../../recipes/test/fixtures/references.yaml", import.meta.url)), "utf8");
    const made = generated(text, 150);
    for (const name of ["customers", "orders", "lines", "addresses"]) writeCsv(join(dir, `${name}.csv`), made[name]!);
    // Given with the addresses last: learn lists them before the orders' branch itself.
    const samples = await Promise.all(["customers", "orders", "lines", "addresses"].map((f) => readSampleFile(join(dir, `${f}.csv`))));
    const learned = learnFromTables(samples, { k: 5 });
    expect(learned.recipe.document.entities.lines!.fields.ship_to).toEqual({ type: "reference", entity: "addresses" });
    expect(learned.recipe.order.indexOf("addresses")).toBeLessThan(learned.recipe.order.indexOf("orders"));
    const augmented = augmentTables(samples, learned, { records: 30, seed: 2 });
    const lines = augmented.find((a) => a.table.stem === "lines")!;
    const addresses = new Set(augmented.find((a) => a.table.stem === "addresses")!.rows.map((r) => r[0]));
    const shipTo = lines.table.columns.findIndex((c) => c.name === "ship_to");
    expect(lines.rows.slice(samples[2]!.rows).every((r) => r[shipTo] === null || addresses.has(r[shipTo]!))).toBe(true);
  });

  it("makes a table the others name, with none under it, a lookup table: kept whole, named from the tree, augmented by name", async () => {
    writeCsv(join(dir, "products.csv"), sample.products!);
    const samples = [...tables, await readSampleFile(join(dir, "products.csv"))];
    const learned = learnFromTables(samples, { k: 5 });
    const e = learned.recipe.document.entities;
    // Before lookup tables, two tables without a parent (customers, products) were refused.
    expect(learned.recipe.order).toEqual(["customers", "orders", "order_lines", "products"]);
    expect(e.products).toMatchObject({ lookup: { rows: 2000 }, key: "product_id" });
    expect(e.order_lines!.fields.product_id).toEqual({ type: "reference", entity: "products" });
    expect(learned.text).toMatch(/a lookup table: other tables name its rows; it keeps 2000 rows whatever --records or --scale says/);
    expect(learned.text).not.toMatch(/Not kept/);
    // Generated at a quarter of the sample's size: the whole product list, every line naming one of its rows.
    const out = generated(learned.text, 100, 9);
    const products = new Set(out.products!.map((p) => p.product_id));
    expect(products.size).toBe(2000);
    expect(out.order_lines!.every((l) => products.has(l.product_id))).toBe(true);
    const report = learnReport(samples, { k: 5 }, learned);
    expect(report.entities.map((x) => [x.entity, x.rows.training, x.rows.holdout])).toContainEqual(["products", 2000, 2000]);
    expect(report.method).toMatch(/lookup tables whole in both/);
    // Augmented: the product list keeps the sample's rows, and synthetic lines name them.
    const augmented = augmentTables(samples, learned, { records: 20, seed: 3 });
    const list = augmented.find((a) => a.table.stem === "products")!;
    expect([list.rows.length, list.synthetic]).toEqual([2000, 0]);
    const lines = augmented.find((a) => a.table.stem === "order_lines")!;
    const productColumn = lines.table.columns.findIndex((c) => c.name === "product_id");
    const sampleProducts = new Set(sample.products!.map((p) => p.product_id));
    expect(lines.synthetic).toBeGreaterThan(0);
    expect(lines.rows.slice(samples[2]!.rows).every((r) => sampleProducts.has(r[productColumn] as string))).toBe(true);
  });

  it("refuses what it cannot learn from, saying what is wrong and what is allowed", async () => {
    writeFileSync(join(dir, "notes.txt"), "a,b\n1,2\n");
    await expect(readSampleFile(join(dir, "notes.txt"))).rejects.toThrow(/a sample is a \.csv, \.tsv, \.json, \.jsonl, \.ndjson or \.parquet file/);
    mkdirSync(join(dir, "folder.csv"));
    await expect(readSampleFile(join(dir, "folder.csv"))).rejects.toThrow(SampleError);
    execFileSync("mkfifo", [join(dir, "pipe.csv")]);
    await expect(readSampleFile(join(dir, "pipe.csv"))).rejects.toThrow(/not a regular file/);
    writeFileSync(join(dir, "broken.parquet"), "not parquet");
    await expect(readSampleFile(join(dir, "broken.parquet"))).rejects.toThrow(/not a readable PARQUET table/);
    writeFileSync(join(dir, "one.csv"), "a,b\n1,2\n");
    await expect(readSampleFile(join(dir, "one.csv"))).rejects.toThrow(/learning needs at least 2/);
    // Two tables with nothing between them are two recipes, not one.
    writeCsv(join(dir, "other.csv"), Array.from({ length: 20 }, (_, i) => ({ code: `K${i}`, size: i })));
    const other = await readSampleFile(join(dir, "other.csv"));
    expect(() => learnFromTables([tables[0]!, other], { k: 5 })).toThrow(LearnError);
    expect(() => learnFromTables([tables[0]!, other], { k: 5 })).toThrow(/2 separate tables with no reference between them \(customers, other\)/);
    // Too few rows for the report's split: said, with the way out.
    writeCsv(join(dir, "tiny.csv"), [{ id: 1, size: 3 }, { id: 2, size: 4 }]);
    const tiny = await readSampleFile(join(dir, "tiny.csv"));
    expect(() => learnReport([tiny], { k: 5 }, learnFromTables([tiny], { k: 5 }))).toThrow(/too small for the report's 80\/20 split: tiny\.csv keeps [01] rows? for training; give a larger sample, or --no-report/);
  });
});
