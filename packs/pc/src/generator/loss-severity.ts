// ISO's severities are averages of paid claims: on physical damage, net of a $500 deductible and only
// of losses above it. The generator draws gross losses (lognormal), so it needs the gross mean whose
// paid claims at that deductible average ISO's figure; this works it out once per (severity, spread).

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26; error under 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The average paid claim, E[X − d | X > d], of a lognormal loss X of mean `mean` and log-spread `sigma` at deductible `d`. */
export function paidClaimMean(mean: number, sigma: number, d: number): number {
  if (d <= 0) return mean;
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const d2 = (mu - Math.log(d)) / sigma;
  return (mean * normalCdf(d2 + sigma)) / normalCdf(d2) - d;
}

/** The gross mean whose paid claims at deductible `d` average `severity` (bisection: paidClaimMean rises with the mean). */
export function grossMeanFor(severity: number, sigma: number, d: number): number {
  let low = 1;
  let high = severity + d;
  while (paidClaimMean(high, sigma, d) < severity) high *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (paidClaimMean(mid, sigma, d) < severity) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
