// The few statistics the learner and its reports need, written out so their results do not depend
// on a library's defaults: quantiles (linear interpolation, as numpy's default), mid-ranks, normal
// scores and Pearson's correlation.

/** The inverse of the standard normal CDF (Acklam's algorithm, relative error below 1.2e-9). */
export function inverseNormalCdf(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -inverseNormalCdf(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The value at quantile p (0-1) of ascending values, interpolating linearly between neighbours. */
export function quantileOf(sorted: ArrayLike<number>, p: number): number {
  const at = p * (sorted.length - 1);
  const i = Math.floor(at);
  return i >= sorted.length - 1 ? sorted[sorted.length - 1]! : sorted[i]! + (sorted[i + 1]! - sorted[i]!) * (at - i);
}

/** Ranks from 1 to n, ties sharing their mean rank; null where the value is null. */
export function midRanks(values: ReadonlyArray<number | null>): Array<number | null> {
  const order = values.flatMap((v, i) => (v === null ? [] : [[v, i] as const])).sort((x, y) => x[0] - y[0]);
  const ranks = new Array<number | null>(values.length).fill(null);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/** Normal scores of numbers: Φ⁻¹(rank / (n + 1)); 0 (the mean) where the value is null. */
export function normalScores(values: ReadonlyArray<number | null>): Float64Array {
  const ranks = midRanks(values);
  const n = values.filter((v) => v !== null).length;
  return Float64Array.from(ranks, (r) => (r === null ? 0 : inverseNormalCdf(r / (n + 1))));
}

/** Pearson's correlation of two equally long series (0 when either is constant). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let [mx, my] = [0, 0];
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [x[i]! - mx, y[i]! - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Rounds to a number of decimals, with no negative zero. */
export function roundTo(x: number, places: number): number {
  const f = 10 ** places;
  const y = Math.round(x * f) / f;
  return Object.is(y, -0) ? 0 : y;
}
