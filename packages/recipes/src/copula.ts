import type { Random } from "@sdh/rules";

// A Gaussian copula: fields of one record that move together (a larger basket, a larger total; an
// older patient, more prescriptions) while each keeps its own distribution. A record draws one
// vector of independent standard normals, correlates it with the Cholesky factor of the recipe's
// matrix, and turns each coordinate into a uniform by the normal CDF; each correlated field then
// makes its value from that uniform through its own (monotone) rule, so its marginal is unchanged.
// Pure IEEE arithmetic (+, ×, sqrt, exp, log, cos), the same on every machine V8 runs on.

/**
 * The lower Cholesky factor of a correlation matrix, or null when it is not positive definite. A
 * matrix learned from data and rounded to three decimals can miss by a hair, so the factor is taken
 * of (1 − λ)R + λI for the smallest λ of a fixed ladder that works: the same matrix, the same λ.
 */
export function choleskyOf(matrix: ReadonlyArray<ReadonlyArray<number>>): { factor: Float64Array[]; shrink: number } | null {
  for (const shrink of [0, 0.001, 0.003, 0.01, 0.03]) {
    const factor = cholesky(matrix.map((row, i) => row.map((x, j) => (i === j ? 1 : (1 - shrink) * x))));
    if (factor) return { factor, shrink };
  }
  return null;
}

function cholesky(a: number[][]): Float64Array[] | null {
  const n = a.length;
  const l = a.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 1e-9)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else l[i]![j] = sum / l[j]![j]!;
    }
  }
  return l;
}

/**
 * The standard normal CDF, by the complementary error function of Numerical Recipes (erfc by a
 * Chebyshev fit, relative error below 1.2e-7 everywhere): ample for drawing, and exactly reproducible.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** One record's correlated uniforms, one per field of the copula, in the recipe's order. */
export function drawCopula(r: Random, factor: readonly Float64Array[]): number[] {
  const n = factor.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - r.next(); // (0, 1]: log never sees 0
    z[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let x = 0;
    for (let k = 0; k <= i; k++) x += factor[i]![k]! * z[k]!;
    // Kept inside (0, 1): rules map u to a value with u × (n − 1), and 1 would fall off the end.
    out.push(Math.min(1 - 2 ** -53, Math.max(0, normalCdf(x))));
  }
  return out;
}

/** A stream whose first draw is the copula's uniform, and whose later draws (a timestamp's clock) are the field's own. */
export function leadingWith(u: number, rest: Random): Random {
  let first = true;
  return {
    next: () => (first ? ((first = false), u) : rest.next()),
    uint32: () => (first ? ((first = false), Math.floor(u * 4294967296)) : rest.uint32()),
  };
}
