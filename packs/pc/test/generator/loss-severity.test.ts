import { describe, expect, it } from "vitest";
import { createRandom } from "@sdh/rules";
import { grossMeanFor, paidClaimMean } from "../../src/generator/loss-severity.js";

describe("the gross loss behind ISO's paid severity", () => {
  it("has paid claims at the deductible that average the severity, in closed form and by simulation", () => {
    const r = createRandom(7, "loss-severity");
    for (const [severity, sigma, deductible] of [[5_470, 0.8, 500], [2_306, 1.0, 500], [6_551, 0.9, 0]] as const) {
      const mean = grossMeanFor(severity, sigma, deductible);
      expect(paidClaimMean(mean, sigma, deductible)).toBeCloseTo(severity, 3);
      // Draw the losses and pay them as the claim rule does: only those above the deductible are paid claims.
      const mu = Math.log(mean) - (sigma * sigma) / 2;
      let paid = 0;
      let count = 0;
      for (let i = 0; i < 400_000; i++) {
        const z = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
        const loss = Math.exp(mu + sigma * z);
        if (loss > deductible) {
          paid += loss - deductible;
          count++;
        }
      }
      expect(paid / count / severity).toBeGreaterThan(0.98);
      expect(paid / count / severity).toBeLessThan(1.02);
    }
  });
});
