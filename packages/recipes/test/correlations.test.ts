import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { normalCdf } from "../src/copula.js";
import { compileRecipe, parseRecipe } from "../src/index.js";

// Correlations: a Gaussian copula over some fields of an entity. The fields must move together as
// the matrix says while each keeps exactly the distribution it has without the copula.

const fields = `      id: { type: sequence }
      items: { type: integer, distribution: { quantiles: [1, 1, 2, 3, 5, 9, 20] } }
      total: { type: money, min: 5, max: 900 }
      express: { type: boolean, rate: 0.3 }
      placed: { type: date, quantiles: [2024-01-01, 2024-03-01, 2024-12-31] }
`;
const recipe = (correlations: string) => `recipe: 1\nname: copula-test\ntitle: Copula test\nentities:\n  orders:\n    key: id\n    fields:\n${fields}${correlations}`;
const CORRELATED = recipe(`    correlations:
      fields: [items, total, placed]
      matrix:
        - [1, 0.8, -0.5]
        - [0.8, 1, -0.4]
        - [-0.5, -0.4, 1]
`);

function rows(text: string, n: number) {
  const pack = compileRecipe(parseRecipe(text));
  const out: Array<Record<string, unknown>> = [];
  for (const root of pack.generate(parseSnapshotConfig({ records: n, seed: 11, asOf: "2026-01-06" })).range(0, n)) out.push(...root.records.orders!);
  return out;
}

/** Spearman's rank correlation (average ranks for ties). */
function spearman(a: number[], b: number[]): number {
  const rank = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const [ra, rb] = [rank(a), rank(b)];
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let [sab, saa, sbb] = [0, 0, 0];
  for (let i = 0; i < ra.length; i++) {
    sab += (ra[i]! - ma) * (rb[i]! - mb);
    saa += (ra[i]! - ma) ** 2;
    sbb += (rb[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** The two-sample Kolmogorov-Smirnov statistic. */
function ks(a: number[], b: number[]): number {
  const [x, y] = [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)];
  let [i, j, d] = [0, 0, 0];
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

describe("correlations: a Gaussian copula over an entity's fields", () => {
  const together = rows(CORRELATED, 6_000);
  const apart = rows(recipe(""), 6_000);
  const day = (r: Record<string, unknown>) => Date.parse(String(r.placed)) / 86_400_000;

  it("moves the fields together as the matrix says (rank correlations near the matrix's, by the Gaussian copula's relation)", () => {
    // For a Gaussian copula, Spearman's rho = (6/π)·asin(r/2); discrete fields (items) tie, which lowers it a little.
    const rho = (r: number) => (6 / Math.PI) * Math.asin(r / 2);
    expect(spearman(together.map((r) => Number(r.total)), together.map((r) => Number(r.items)))).toBeGreaterThan(rho(0.8) - 0.08);
    expect(spearman(together.map((r) => Number(r.total)), together.map(day))).toBeCloseTo(rho(-0.4), 1);
    expect(spearman(together.map((r) => Number(r.items)), together.map(day))).toBeLessThan(rho(-0.5) + 0.08);
    // Fields outside the copula stay independent of it; without the copula, nothing is correlated.
    expect(Math.abs(spearman(together.map((r) => Number(r.total)), together.map((r) => Number(r.express))))).toBeLessThan(0.05);
    expect(Math.abs(spearman(apart.map((r) => Number(r.total)), apart.map((r) => Number(r.items))))).toBeLessThan(0.05);
  });

  it("keeps each field's own distribution (the same marginal with or without the copula)", () => {
    for (const get of [(r: Record<string, unknown>) => Number(r.items), (r: Record<string, unknown>) => Number(r.total), day]) {
      expect(ks(together.map(get), apart.map(get))).toBeLessThan(0.03);
    }
    // A field outside the copula is drawn exactly as before: the copula has a stream of its own.
    expect(together.map((r) => r.express)).toEqual(apart.map((r) => r.express));
  });

  it("is the same for the same seed, and records are the same in any range", () => {
    const pack = compileRecipe(parseRecipe(CORRELATED));
    const part = [...pack.generate(parseSnapshotConfig({ records: 6_000, seed: 11, asOf: "2026-01-06" })).range(4_000, 4_010)].flatMap((r) => r.records.orders!);
    expect(part).toEqual(together.slice(4_000, 4_010));
  });

  it("computes the normal CDF to 1e-7", () => {
    // Reference values of Φ (Abramowitz and Stegun, table 26.1).
    for (const [x, p] of [[0, 0.5], [1, 0.8413447461], [-1.96, 0.0249978952], [2.5, 0.9937903347], [-4, 0.0000316712]] as const) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-7);
  });

  it("refuses what is not a copula: an unknown field, a type that cannot be correlated, an asymmetric or impossible matrix", () => {
    const bad = (fields: string, matrix: string) => () => parseRecipe(recipe(`    correlations:\n      fields: ${fields}\n      matrix: ${matrix}\n`));
    expect(bad("[items, nope]", "[[1, 0.2], [0.2, 1]]")).toThrow(/correlations\.fields\.1: no field 'nope' in this entity/);
    expect(bad("[items, id]", "[[1, 0.2], [0.2, 1]]")).toThrow(/the key is made by the engine/);
    expect(bad("[items, total]", "[[1, 0.2], [0.3, 1]]")).toThrow(/the matrix is symmetric/);
    expect(bad("[items, total]", "[[1, 0.2, 0], [0.2, 1, 0]]")).toThrow(/one row of 2 numbers for each of the 2 fields/);
    expect(bad("[items, total, placed]", "[[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]")).toThrow(/not positive definite/);
    const normal = `recipe: 1\nname: copula-test\ntitle: T\nentities:\n  t:\n    key: id\n    fields:\n      id: { type: sequence }\n      a: { type: decimal, distribution: { normal: { mean: 0, sd: 1 } } }\n      b: { type: email }\n    correlations: { fields: [a, b], matrix: [[1, 0.5], [0.5, 1]] }\n`;
    expect(() => parseRecipe(normal)).toThrow(/a decimal field with this distribution cannot be correlated/);
    expect(() => parseRecipe(normal)).toThrow(/an? email field cannot be correlated; correlated fields are integer, decimal/);
  });
});
