import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { parseExpression } from "../src/expression/expression-parser.js";
import { compileRecipe, parseRecipe, RecipeError } from "../src/index.js";

// Derived fields: an expression over the record's fields and its children's, parsed by our grammar,
// type-checked when the recipe is read, evaluated by walking the tree (never eval).

const RECIPE = `recipe: 1
name: derived-test
title: Derived fields
entities:
  orders:
    key: order_id
    fields:
      order_id: { type: sequence, prefix: O- }
      placed_on: { type: date, min: 2025-01-01, max: 2025-12-31 }
      first_name: { type: first_name }
      last_name: { type: last_name }
      customer: { type: derived, expression: "concat(upper(last_name), ', ', first_name)", result: text }
      due_on: { type: derived, expression: "add_days(placed_on, 30)", result: date }
      items: { type: derived, expression: "count(lines)", result: integer }
      total: { type: derived, expression: "sum(lines.line_total)", result: money }
      tax: { type: derived, expression: "round(total * 0.0825, 2)", result: money }
      size: { type: derived, expression: "if(total >= 500, 'large', if(total >= 100, 'medium', 'small'))", result: text }
      late: { type: derived, expression: "days_between(placed_on, due_on) > 29 and not (items == 0)", result: boolean }
  lines:
    key: line_id
    parent: { entity: orders, field: order_id, children: { uniform: { min: 0, max: 4 } } }
    fields:
      line_id: { type: uuid }
      quantity: { type: integer, min: 1, max: 5 }
      unit_price: { type: money, min: 1, max: 200 }
      discount_pct: { type: decimal, min: 0, max: 20, nullRate: 0.3 }
      line_total: { type: derived, expression: "quantity * unit_price * (1 - coalesce(discount_pct, 0) / 100)", result: money }
`;

function generate(text: string, n: number) {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const root of compileRecipe(parseRecipe(text)).generate(parseSnapshotConfig({ records: n, seed: 2, asOf: "2026-01-06" })).range(0, n)) {
    for (const [entity, list] of Object.entries(root.records)) (out[entity] ??= []).push(...list);
  }
  return out;
}

describe("derived fields: a small expression language over a record and its children", () => {
  const { orders, lines } = generate(RECIPE, 300);

  it("computes from the record's fields: arithmetic, coalesce, text and dates", () => {
    for (const l of lines!) {
      const expected = Math.round(Number(l.quantity) * Number(l.unit_price) * (1 - Number(l.discount_pct ?? 0) / 100) * 100) / 100;
      expect(l.line_total).toBeCloseTo(expected, 2);
    }
    for (const o of orders!) {
      expect(o.customer).toBe(`${String(o.last_name).toUpperCase()}, ${String(o.first_name)}`);
      expect(Date.parse(String(o.due_on)) - Date.parse(String(o.placed_on))).toBe(30 * 86_400_000);
    }
  });

  it("aggregates over the record's children, which are made first, and reads aggregates in turn", () => {
    const byOrder = new Map<unknown, Array<Record<string, unknown>>>();
    for (const l of lines!) byOrder.set(l.order_id, [...(byOrder.get(l.order_id) ?? []), l]);
    let empty = 0;
    for (const o of orders!) {
      const mine = byOrder.get(o.order_id) ?? [];
      if (!mine.length) empty++;
      expect(o.items).toBe(mine.length);
      expect(o.total).toBeCloseTo(mine.reduce((s, l) => s + Number(l.line_total), 0), 2);
      expect(o.tax).toBeCloseTo(Math.round(Number(o.total) * 0.0825 * 100) / 100, 2);
      expect(o.size).toBe(Number(o.total) >= 500 ? "large" : Number(o.total) >= 100 ? "medium" : "small");
      expect(o.late).toBe(mine.length > 0);
    }
    expect(empty).toBeGreaterThan(0); // sum over no children is 0, count 0
    // Columns keep the recipe's order though aggregates are filled in last.
    expect(Object.keys(orders![0]!)).toEqual(["order_id", "placed_on", "first_name", "last_name", "customer", "due_on", "items", "total", "tax", "size", "late"]);
  });

  it("is the same for any range of root records (shards)", () => {
    const pack = compileRecipe(parseRecipe(RECIPE));
    const part = [...pack.generate(parseSnapshotConfig({ records: 300, seed: 2, asOf: "2026-01-06" })).range(150, 160)].flatMap((r) => r.records.orders!);
    expect(part).toEqual(orders!.slice(150, 160));
  });

  it("refuses what is not an expression of the language, with the recipe's line and the character", () => {
    const bad = (expression: string, result = "money") => () => parseRecipe(RECIPE.replace(`expression: "round(total * 0.0825, 2)", result: money`, `expression: "${expression}", result: ${result}`), "shop.yaml");
    expect(bad("total * ")).toThrow(/shop\.yaml:16:\d+: entities\.orders\.fields\.tax\.expression: expected a value, a field or a function, found the end \(at character 9\)/);
    expect(bad("totl * 2")).toThrow(/it reads the field 'totl', which orders does not have/);
    expect(bad("process.exit(1)")).toThrow(/unexpected '\(' after a complete expression/);
    expect(bad("eval('1')")).toThrow(/no function 'eval'; the functions are: if, coalesce/);
    expect(bad("concat(first_name, 2)")).toThrow(/the expression gives text, and result: money needs number/);
    expect(bad("first_name * 2")).toThrow(/'\*' takes numbers \(got text and number\)/);
    expect(bad("sum(lines.unit_price)", "text")).toThrow(/gives number, and result: text needs text \(wrap it in text\(\)\)/);
    expect(bad("sum(lines.nope)")).toThrow(/lines has no field 'nope'/);
    expect(bad("sum(orders.total)")).toThrow(/sum reads a child entity of this one \(lines\)/);
    expect(bad("lines.quantity + 1")).toThrow(/is a child entity's field: use it inside sum/);
    expect(bad("1 ; 2")).toThrow(/';' is not part of the language/);
    expect(bad("(".repeat(40) + "1" + ")".repeat(40))).toThrow(/nests at most 32 deep/);
    expect(() => parseExpression("1 + ".repeat(400) + "1")).toThrow(/at most 500 parts|at most 1000 characters/);
    // A field that reads itself through another is a cycle.
    expect(() => parseRecipe(RECIPE.replace(`expression: "add_days(placed_on, 30)"`, `expression: "add_days(placed_on, days_between(placed_on, due_on))"`))).toThrow(RecipeError);
  });
});
