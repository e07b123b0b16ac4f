import { z } from "@hono/zod-openapi";
import type { ColumnProfile, Manifest, QualityReport } from "@sdh/schemas";
import { ownValue } from "./own-value.js";

const Pair = <T extends z.ZodType>(value: T) => z.object({ a: value, b: value });
const num = z.number().nullable();

export const Comparison = z
  .object({
    a: z.object({ snapshotId: z.string(), target: z.string(), asOf: z.string(), seed: z.number().int(), generator: z.string(), pack: z.string() }),
    b: z.object({ snapshotId: z.string(), target: z.string(), asOf: z.string(), seed: z.number().int(), generator: z.string(), pack: z.string() }),
    counts: z.array(z.object({ entity: z.string(), a: num, b: num, change: num.describe("(b - a) / a; null when a is 0 or missing") })),
    columns: z.array(
      z.object({
        entity: z.string(),
        column: z.string(),
        type: z.string(),
        nullRate: Pair(num),
        distinct: Pair(num),
        mean: Pair(num),
        standardizedMeanDifference: num.describe("(mean b - mean a) / pooled standard deviation: |d| ≥ 0.2 is a small shift, ≥ 0.5 a medium one"),
        topShareDistance: num.describe("Total variation distance between the two top-5 value shares (0 same, 1 disjoint); null when either side has too many values to count"),
      }),
    ),
    checks: z.array(z.object({ name: z.string(), expected: num, a: num, b: num })).describe("The quality report's distribution checks, observed share on each side"),
  })
  .openapi("Comparison");
export type Comparison = z.infer<typeof Comparison>;

export interface ComparedSide {
  target: string;
  manifest: Manifest;
  quality: QualityReport | null;
}

/**
 * What changed between two snapshots (two nights, or two generator versions): records per entity, and
 * per column the null rate, distinct values, mean and the shift of the mean in standard deviations,
 * and how far the most frequent values' shares moved. From the quality reports: no data file is read.
 */
export function compareSnapshots(a: ComparedSide, b: ComparedSide): Comparison {
  const side = ({ target, manifest: m }: ComparedSide) => ({ snapshotId: m.snapshotId, target, asOf: m.asOf, seed: m.seed, generator: `${m.generator.name} ${m.generator.version}`, pack: m.pack?.name ?? "pc" });
  const entities = [...new Set([...Object.keys(a.manifest.counts), ...Object.keys(b.manifest.counts)])];
  const counts = entities.map((entity) => {
    const [x, y] = [ownValue(a.manifest.counts, entity) ?? null, ownValue(b.manifest.counts, entity) ?? null];
    return { entity, a: x, b: y, change: x && y !== null ? round((y - x) / x) : null };
  });
  const columns: Comparison["columns"] = [];
  for (const entity of entities) {
    const left = new Map((ownValue(a.quality?.columns, entity) ?? []).map((c) => [c.name, c]));
    for (const right of ownValue(b.quality?.columns, entity) ?? []) {
      const l = left.get(right.name);
      if (l) columns.push(compareColumn(entity, l, right, ownValue(a.manifest.counts, entity) ?? 0, ownValue(b.manifest.counts, entity) ?? 0));
    }
  }
  const observed = (q: QualityReport | null) => new Map((q?.checks ?? []).map((c) => [c.name, c]));
  const [ca, cb] = [observed(a.quality), observed(b.quality)];
  const checks = [...new Set([...ca.keys(), ...cb.keys()])].map((name) => ({ name, expected: cb.get(name)?.expected ?? ca.get(name)?.expected ?? null, a: ca.get(name)?.observed ?? null, b: cb.get(name)?.observed ?? null }));
  return { a: side(a), b: side(b), counts, columns, checks };
}

function compareColumn(entity: string, a: ColumnProfile, b: ColumnProfile, recordsA: number, recordsB: number): Comparison["columns"][number] {
  const [ma, mb] = [a.numeric?.mean ?? null, b.numeric?.mean ?? null];
  let smd: number | null = null;
  if (a.numeric && b.numeric) {
    const pooled = Math.sqrt((a.numeric.stddev ** 2 + b.numeric.stddev ** 2) / 2);
    smd = pooled > 0 ? round((b.numeric.mean - a.numeric.mean) / pooled) : a.numeric.mean === b.numeric.mean ? 0 : null;
  }
  return {
    entity,
    column: b.name,
    type: b.type,
    nullRate: { a: a.nullRate, b: b.nullRate },
    distinct: { a: a.distinct, b: b.distinct },
    mean: { a: ma === null ? null : round(ma), b: mb === null ? null : round(mb) },
    standardizedMeanDifference: smd,
    topShareDistance: a.top.length && b.top.length && recordsA && recordsB ? round(topDistance(a.top, b.top, recordsA, recordsB)) : null,
  };
}

/** Half the summed absolute differences of the values' shares, over the values either side lists. */
function topDistance(a: ColumnProfile["top"], b: ColumnProfile["top"], na: number, nb: number): number {
  const share = (top: ColumnProfile["top"], n: number) => new Map(top.map((t) => [String(t.value), t.count / n]));
  const [sa, sb] = [share(a, na), share(b, nb)];
  let sum = 0;
  for (const value of new Set([...sa.keys(), ...sb.keys()])) sum += Math.abs((sa.get(value) ?? 0) - (sb.get(value) ?? 0));
  // What the top lists leave out is "other" on each side.
  const rest = (s: Map<string, number>) => 1 - [...s.values()].reduce((x, y) => x + y, 0);
  sum += Math.abs(rest(sa) - rest(sb));
  return Math.min(1, sum / 2);
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
