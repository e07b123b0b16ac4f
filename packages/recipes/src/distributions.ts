import type { Random } from "@sdh/rules";
import { z } from "zod";
import type { CountDistribution } from "./recipe-document.js";

// The shapes a number can be drawn from. Each is a pure function of the stream, so the same seed gives
// the same value on every machine (only +, ×, log, sqrt, cos and exp of IEEE doubles, which V8
// computes the same on every platform we run).

const finite = z.number().refine(Number.isFinite, "a finite number");

export const NumberDistribution = z.union([
  z.strictObject({ uniform: z.strictObject({ min: finite, max: finite }) }),
  z.strictObject({ normal: z.strictObject({ mean: finite, sd: z.number().min(0) }) }),
  z.strictObject({ lognormal: z.strictObject({ mu: finite, sigma: z.number().min(0).max(10) }) }),
  z.strictObject({ exponential: z.strictObject({ mean: z.number().positive() }) }),
  z.strictObject({ poisson: z.strictObject({ mean: z.number().min(0).max(1_000_000) }) }),
  z
    .strictObject({ quantiles: z.array(finite).min(2).max(1_001) })
    .describe("An empirical distribution: values at equally spaced quantiles (min, …, max), ascending; drawn by interpolating between them")
    .refine((d) => d.quantiles.every((v, i) => i === 0 || v >= d.quantiles[i - 1]!), "quantiles must be in ascending order"),
]);
export type NumberDistribution = z.infer<typeof NumberDistribution>;

/** A standard normal draw (Box-Muller; one of the pair, so each draw takes two uniforms). */
function standardNormal(r: Random): number {
  const u = 1 - r.next(); // (0, 1]: log never sees 0
  const v = r.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Knuth's method below a mean of 30, else the normal approximation, rounded and kept ≥ 0. */
function poisson(r: Random, mean: number): number {
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(r)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = r.next();
  while (p > limit) {
    k++;
    p *= r.next();
  }
  return k;
}

export function drawNumber(r: Random, d: NumberDistribution): number {
  if ("uniform" in d) return d.uniform.min + r.next() * (d.uniform.max - d.uniform.min);
  if ("normal" in d) return d.normal.mean + d.normal.sd * standardNormal(r);
  if ("lognormal" in d) return Math.exp(d.lognormal.mu + d.lognormal.sigma * standardNormal(r));
  if ("exponential" in d) return -d.exponential.mean * Math.log(1 - r.next());
  if ("poisson" in d) return poisson(r, d.poisson.mean);
  const q = d.quantiles;
  const at = r.next() * (q.length - 1);
  const i = Math.floor(at);
  return i >= q.length - 1 ? q.at(-1)! : q[i]! + (q[i + 1]! - q[i]!) * (at - i);
}

/** The mean of a distribution, where it has one in closed form: what sizes the gate's tables. */
export function meanOf(d: CountDistribution): number {
  if ("fixed" in d) return d.fixed;
  if ("uniform" in d) return (d.uniform.min + d.uniform.max) / 2;
  if ("poisson" in d) return d.poisson.mean;
  const entries = Object.entries(d.weights);
  const total = entries.reduce((n, [, w]) => n + w, 0) || 1;
  return entries.reduce((n, [k, w]) => n + Number(k) * w, 0) / total;
}

/** How many children a parent record has. */
export function drawCount(r: Random, d: CountDistribution): number {
  if ("fixed" in d) return d.fixed;
  if ("uniform" in d) return d.uniform.min + Math.floor(r.next() * (d.uniform.max - d.uniform.min + 1));
  if ("poisson" in d) return Math.min(d.poisson.max ?? Number.MAX_SAFE_INTEGER, poisson(r, d.poisson.mean));
  const entries = Object.entries(d.weights);
  const total = entries.reduce((n, [, w]) => n + w, 0);
  let left = r.next() * total;
  for (const [k, w] of entries) {
    left -= w;
    if (left < 0) return Number(k);
  }
  return Number(entries.at(-1)![0]);
}
