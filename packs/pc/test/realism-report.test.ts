import { readFileSync } from "node:fs";
import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { createGenerator } from "../src/generator/index.js";
import { GENERATOR } from "../src/generator/generator-version.js";
import { passes } from "@sdh/validation";
import { realismMeasures, spearman } from "../src/realism/realism-measures.js";

// The realism report (issue 35): the book measured against public figures. Here: that the measures run,
// that the rules a small book must keep exactly hold, and that the committed report is this generator's
// and has only the failures it owns to (a generator change must regenerate it: pnpm --filter
// @sdh/pack-pc realism, 50,000 households for each of two seeds).
describe("the realism report", () => {
  it("measures a book: every figure present, finite, with its band and source", () => {
    const config = parseSnapshotConfig({ records: 3_000, seed: 42 });
    const measures = realismMeasures([...createGenerator(config).range(0, 3_000)], config.asOf);
    expect(measures.map((m) => m.id)).toEqual(["teen-claim-frequency", "first-party-claims", "um-to-bi", "loss-ratio", "teen-premium", "state-rate-levels", "louisiana-rank", "north-dakota-rank", "vehicles-per-household", "two-plus-vehicles", "state-mix-ca", "state-mix-tx", "licensed-16-19", "licensed-20-24", "nj-licensed-before-17", "tenure-spike", "make-models", "duplicate-plates", "suspended-listed", "liability-not-at-fault-paid"]);
    for (const m of measures) {
      expect(Number.isFinite(m.value), m.id).toBe(true);
      expect(m.band[0] <= m.band[1] && m.source.length > 0, m.id).toBe(true);
    }
    // Rules, not statistics: they hold on any book, however small.
    const byId = new Map(measures.map((m) => [m.id, m]));
    for (const id of ["nj-licensed-before-17", "duplicate-plates", "suspended-listed", "liability-not-at-fault-paid", "first-party-claims"]) expect(passes(byId.get(id)!), id).toBe(true);
  });

  it("ranks states by Spearman's correlation, ties sharing their mean rank (worked by hand)", () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
    // Ranks 1.5, 1.5, 3 against 1, 2, 3: Σ(dx·dy) 1.5 over √(1.5 × 2).
    expect(spearman([5, 5, 9], [1, 2, 3])).toBeCloseTo(1.5 / Math.sqrt(3), 12);
    // Only the order counts, not the distances.
    expect(spearman([1, 2, 100], [1, 2, 3])).toBeCloseTo(1, 12);
  });

  it("is committed for this generator version, outside its bands only where it says why", () => {
    const report = readFileSync(new URL("../REALISM.md", import.meta.url), "utf8");
    expect(report).toContain(`Generator ${GENERATOR.name} ${GENERATOR.version};`);
    // Every measure in band for both seeds, the second decoder's VIN measure among them.
    expect(report).toMatch(/ 0 of \d+ measures are outside their band\./);
    expect(report).toContain("**vin-decodes**");
  });
});
