import type { ComparedColumn, Value } from "./fidelity.js";
import { quantileOf, roundTo } from "./statistics.js";

// Whether generated rows give away sample rows, measured against the rows learn did not see: the
// share of generated rows identical to a training row beside the share of holdout rows identical to
// one (real rows coincide too, when a table has few columns), and the distance from each generated
// row to its closest training row beside the same distance for holdout rows. Generated rows no
// closer than the holdout's means the recipe learned the population, not the rows.

export interface Privacy {
  /** Share of generated rows equal, in every compared column, to some training row. */
  identical: number;
  /** The same share for holdout rows: what real data of this population shows. */
  holdoutIdentical: number;
  /** Distance to the closest training record (0 = identical, 1 = nothing alike): percentiles 5 and 50. */
  closest: { p5: number; p50: number };
  holdoutClosest: { p5: number; p50: number };
}

/** Rows compared at most (a distance is a scan of the training rows). */
const MAX_QUERIES = 1_000;
const MAX_TRAINING = 5_000;

/** A column of training, holdout and generated values (ComparedColumn's real = training). */
export interface PrivacyColumn extends ComparedColumn {
  holdout: readonly Value[];
}

const every = (n: number, max: number) => Array.from({ length: Math.min(n, max) }, (_, i) => Math.floor((i * n) / Math.min(n, max)));

export function privacyOf(columns: readonly PrivacyColumn[]): Privacy {
  const rowKey = (side: "real" | "synthetic" | "holdout", i: number) => JSON.stringify(columns.map((c) => c[side][i] ?? null));
  const training = new Set(columns[0]!.real.map((_, i) => rowKey("real", i)));
  const share = (side: "synthetic" | "holdout") => {
    const n = columns[0]![side].length;
    let same = 0;
    for (let i = 0; i < n; i++) if (training.has(rowKey(side, i))) same++;
    return n ? roundTo(same / n, 4) : 0;
  };
  // Numbers by their distance over the training range, anything else equal or not; the mean over columns.
  const ranges = columns.map((c) => {
    const xs = c.real.filter((v): v is number => typeof v === "number");
    return c.role === "numerical" && xs.length ? xs.reduce((r, v) => [Math.min(r[0]!, v), Math.max(r[1]!, v)], [Infinity, -Infinity]) : null;
  });
  const trainRows = every(columns[0]!.real.length, MAX_TRAINING);
  const closest = (side: "synthetic" | "holdout") => {
    const distances = every(columns[0]![side].length, MAX_QUERIES).map((i) => {
      let best = Infinity;
      for (const t of trainRows) {
        let d = 0;
        columns.forEach((c, k) => {
          const [a, b] = [c[side][i] ?? null, c.real[t] ?? null];
          const range = ranges[k];
          if (a === null || b === null) d += a === b ? 0 : 1;
          else if (range && typeof a === "number" && typeof b === "number") d += Math.min(1, Math.abs(a - b) / (range[1]! - range[0]! || 1));
          else d += a === b ? 0 : 1;
        });
        best = Math.min(best, d / columns.length);
        if (best === 0) break;
      }
      return best;
    });
    const sorted = Float64Array.from(distances).sort();
    return sorted.length ? { p5: roundTo(quantileOf(sorted, 0.05), 4), p50: roundTo(quantileOf(sorted, 0.5), 4) } : { p5: 0, p50: 0 };
  };
  return { identical: share("synthetic"), holdoutIdentical: share("holdout"), closest: closest("synthetic"), holdoutClosest: closest("holdout") };
}
