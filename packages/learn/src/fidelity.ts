import { pearson, roundTo } from "./statistics.js";

// How alike two tables are, by the measures the synthetic-data field reports (SDMetrics' quality
// report): per column, shape similarity (1 − the Kolmogorov-Smirnov statistic for numbers and dates,
// 1 − the total variation distance for categories); per pair of columns, trend similarity
// (1 − |ρ_real − ρ_synthetic| / 2 for two numbers, 1 − the total variation distance of the joint
// frequencies otherwise, numbers cut into ten bins of the real data's range); the score is the mean
// of the two means. Names, contacts and identifiers are synthesized, not compared (as SDMetrics
// skips PII and id columns).

export type Role = "numerical" | "categorical";
export type Value = number | string | boolean | null;

export interface ComparedColumn {
  name: string;
  role: Role;
  real: readonly Value[];
  synthetic: readonly Value[];
}

export interface Fidelity {
  score: number;
  shapes: number;
  trends: number;
  columns: Array<{ name: string; metric: "KSComplement" | "TVComplement"; score: number }>;
  pairs: Array<{ columns: [string, string]; metric: "CorrelationSimilarity" | "ContingencySimilarity"; score: number }>;
}

const numbersOf = (values: readonly Value[]) => values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/** 1 − the two-sample Kolmogorov-Smirnov statistic. */
export function ksComplement(real: readonly number[], synthetic: readonly number[]): number {
  if (!real.length || !synthetic.length) return real.length === synthetic.length ? 1 : 0;
  const [x, y] = [Float64Array.from(real).sort(), Float64Array.from(synthetic).sort()];
  let [i, j, d] = [0, 0, 0];
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return 1 - d;
}

/** 1 − the total variation distance between the frequencies of two lists of keys. */
export function tvComplement(real: readonly string[], synthetic: readonly string[]): number {
  const freq = (keys: readonly string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1 / keys.length);
    return m;
  };
  const [p, q] = [freq(real), freq(synthetic)];
  let tv = 0;
  for (const k of new Set([...p.keys(), ...q.keys()])) tv += Math.abs((p.get(k) ?? 0) - (q.get(k) ?? 0));
  return 1 - tv / 2;
}

/** A column's values as category keys: numbers into ten equal bins of the real range, null its own key. */
function keysOf(column: ComparedColumn, values: readonly Value[]): string[] {
  if (column.role === "categorical") return values.map((v) => (v === null ? "\u0000null" : String(v)));
  const real = numbersOf(column.real);
  const [lo, hi] = real.reduce(([l, h], v) => [Math.min(l, v), Math.max(h, v)], [Infinity, -Infinity]);
  const width = (hi - lo) / 10 || 1;
  return values.map((v) => (typeof v !== "number" ? "\u0000null" : String(Math.max(0, Math.min(9, Math.floor((v - lo) / width))))));
}

export function fidelityOf(columns: readonly ComparedColumn[]): Fidelity {
  const shapes = columns.map((c) =>
    c.role === "numerical" ? { name: c.name, metric: "KSComplement" as const, score: ksComplement(numbersOf(c.real), numbersOf(c.synthetic)) } : { name: c.name, metric: "TVComplement" as const, score: tvComplement(keysOf(c, c.real), keysOf(c, c.synthetic)) },
  );
  const pairs: Fidelity["pairs"] = [];
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      const [a, b] = [columns[i]!, columns[j]!];
      if (a.role === "numerical" && b.role === "numerical") {
        const corr = (x: readonly Value[], y: readonly Value[]) => {
          const both = x.flatMap((v, k) => (typeof v === "number" && typeof y[k] === "number" ? [[v, y[k] as number] as const] : []));
          return pearson(both.map((p) => p[0]), both.map((p) => p[1]));
        };
        pairs.push({ columns: [a.name, b.name], metric: "CorrelationSimilarity", score: 1 - Math.abs(corr(a.real, b.real) - corr(a.synthetic, b.synthetic)) / 2 });
      } else {
        const joint = (x: string[], y: string[]) => x.map((v, k) => `${v}\u0001${y[k]}`);
        pairs.push({ columns: [a.name, b.name], metric: "ContingencySimilarity", score: tvComplement(joint(keysOf(a, a.real), keysOf(b, b.real)), joint(keysOf(a, a.synthetic), keysOf(b, b.synthetic))) });
      }
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 1);
  const shapeScore = mean(shapes.map((s) => s.score));
  const trendScore = pairs.length ? mean(pairs.map((p) => p.score)) : shapeScore;
  const r = (x: number) => roundTo(x, 4);
  return { score: r((shapeScore + trendScore) / 2), shapes: r(shapeScore), trends: r(trendScore), columns: shapes.map((s) => ({ ...s, score: r(s.score) })), pairs: pairs.map((p) => ({ ...p, score: r(p.score) })) };
}
