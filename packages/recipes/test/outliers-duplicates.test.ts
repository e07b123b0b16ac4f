import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { compileRecipe, parseRecipe } from "../src/index.js";

// Bad-but-plausible data on purpose: outliers at a stated rate outside a field's range, and records
// that repeat an earlier one under their own key. The gate takes both (they are meant to be there);
// neither moves the values of the records that are not outliers or duplicates.

const recipe = (extra: { outliers?: string; duplicates?: string } = {}) => `recipe: 1
name: bad-data-test
title: Bad data
entities:
  customers:
    key: customer_id
${extra.duplicates ?? ""}    fields:
      customer_id: { type: uuid }
      email: { type: email, unique: true }
      last_name: { type: last_name }
      city: { type: city }
      birth_date: { type: date_of_birth, min: 18, max: 90 }
      credit_limit: { type: integer, min: 500, max: 20000${extra.outliers ?? ""} }
      signup: { type: date, min: 2020-01-01, max: 2025-12-31 }
  orders:
    key: order_id
    parent: { entity: customers, field: customer_id, children: { fixed: 3 } }
${extra.duplicates ?? ""}    fields:
      order_id: { type: sequence }
      amount: { type: money, min: 5, max: 500 }
      channel: { type: category, values: [web, app, store] }
`;

function generate(text: string, n = 4_000) {
  const pack = compileRecipe(parseRecipe(text));
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const root of pack.generate(parseSnapshotConfig({ records: n, seed: 8, asOf: "2026-01-06" })).range(0, n)) for (const [e, list] of Object.entries(root.records)) (out[e] ??= []).push(...list);
  return { pack, out };
}

describe("deliberate outliers and duplicates", () => {
  const plain = generate(recipe()).out;

  it("puts outliers in at their rate, outside the range, and lets the gate take them; other records keep their values", () => {
    const { pack, out } = generate(recipe({ outliers: ", outliers: { rate: 0.02, min: 250000, max: 1000000 }" }));
    const outliers = out.customers!.filter((c) => Number(c.credit_limit) > 20_000);
    expect(outliers.length / out.customers!.length).toBeGreaterThan(0.012);
    expect(outliers.length / out.customers!.length).toBeLessThan(0.028);
    expect(outliers.every((c) => Number(c.credit_limit) >= 250_000 && Number.isInteger(c.credit_limit))).toBe(true);
    const schema = pack.spec.entities.find((e) => e.name === "customers")!.schema;
    for (const c of outliers) expect(schema.safeParse(c).success).toBe(true);
    out.customers!.forEach((c, i) => {
      if (Number(c.credit_limit) <= 20_000) expect(c).toEqual(plain.customers![i]);
    });
    expect(() => parseRecipe(recipe({ outliers: ", outliers: { rate: 0.02, min: '1901-01-01', max: 9 }" }))).toThrow(/credit_limit\.outliers: a number field's outliers have min and max as numbers/);
    expect(() => parseRecipe(recipe().replace("last_name: { type: last_name }", "last_name: { type: last_name, outliers: { rate: 0.1, min: 1, max: 2 } }"))).toThrow(/outliers are for the types integer, decimal, money, date, timestamp/);
  });

  it("repeats earlier records at the rate, under their own keys, never a unique field; the rest keep their values", () => {
    const { out } = generate(recipe({ duplicates: "    duplicates: { rate: 0.05 }\n" }));
    const customers = out.customers!;
    const values = (c: Record<string, unknown>) => JSON.stringify([c.last_name, c.city, c.birth_date, c.credit_limit, c.signup]);
    const base = plain.customers!;
    let repeats = 0;
    customers.forEach((c, i) => {
      if (JSON.stringify(c) === JSON.stringify(base[i])) return;
      repeats++;
      // A repeat holds the values one of the 100 records before it was made with, under its own key and email.
      expect(base.slice(Math.max(0, i - 100), i).some((p) => values(p) === values(c)), `record ${i}`).toBe(true);
      expect([c.customer_id, c.email]).toEqual([base[i]!.customer_id, base[i]!.email]);
    });
    expect(repeats / customers.length).toBeGreaterThan(0.035);
    expect(repeats / customers.length).toBeLessThan(0.065);
    // Children repeat their previous sibling.
    const orders = out.orders!;
    const siblingRepeats = orders.filter((o, i) => i % 3 > 0 && o.amount === orders[i - 1]!.amount && o.channel === orders[i - 1]!.channel).length;
    expect(siblingRepeats / orders.length).toBeGreaterThan(0.02);
    // The same for any range: a duplicate is made again from its source's seed.
    const pack = compileRecipe(parseRecipe(recipe({ duplicates: "    duplicates: { rate: 0.05 }\n" })));
    const part = [...pack.generate(parseSnapshotConfig({ records: 4_000, seed: 8, asOf: "2026-01-06" })).range(2_000, 2_050)].flatMap((r) => r.records.customers!);
    expect(part).toEqual(customers.slice(2_000, 2_050));
  });
});
