import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import { STATE_POPULATION } from "@sdh/rules";
import { NAIC_STATE_EXPENDITURE, parseStateRateLevels, stateRateFactors, stateRateLevel } from "../../src/generator/index.js";
import { stateRateLevelsTsv } from "../../reference-build/state-rate-levels-source.js";

// NAIC's 2023 average expenditure by state (data/state-rate-levels.tsv) and the state rate levels rating
// and claims take from it. The spot checks were typed from the source (notaquote-fyi's
// state-baselines.json, NAIC's Table 4), independently of the table.

const COMMITTED = readFileSync(new URL("../../data/state-rate-levels.tsv", import.meta.url), "utf8");
const committedRows = (): Array<[UsState, number]> =>
  COMMITTED.split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => {
    const [code, amount] = l.split("\t");
    return [code as UsState, Number(amount)];
  });

/** A source JSON in state-baselines.json's shape, holding the given rows (its other fields filled). */
function sourceJson(rows: ReadonlyArray<readonly [state: string, expenditure: unknown]>, edit: (doc: Record<string, unknown>) => void = () => undefined): string {
  const states = Object.fromEntries(rows.map(([state, averageExpenditure]) => [state, { annual: 1, coverage: "full", sourceId: "naic-auto-db-2022-2023", combinedAveragePremium: 1, averageExpenditure }]));
  const doc: Record<string, unknown> = { version: "state-baselines-x", dataYear: 2023, sources: [{ id: "naic-auto-db-2022-2023" }, { id: "bls-cpi-motor-vehicle-insurance" }], countrywide: {}, states };
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

describe("NAIC's average expenditure by state (data/state-rate-levels.tsv)", () => {
  it("covers the 50 states and DC with the source's figures", () => {
    expect([...NAIC_STATE_EXPENDITURE.keys()]).toEqual([...US_STATE_CODES]);
    expect(Object.fromEntries(NAIC_STATE_EXPENDITURE)).toMatchObject({ FL: 1864.63, LA: 1754.03, NY: 1752.55, CA: 1225.02, ND: 807.77, ID: 863.91 });
    const dearest = [...NAIC_STATE_EXPENDITURE].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    expect(dearest.slice(0, 3)).toEqual(["FL", "LA", "NY"]);
    expect(dearest.at(-1)).toBe("ND");
  });

  it("is what the build script writes from the source's JSON, byte for byte", () => {
    expect(stateRateLevelsTsv(sourceJson(committedRows()))).toBe(COMMITTED);
  });

  it("is refused, by the build and by the generator, when it is not what its header says", () => {
    const rows = committedRows();
    expect(() => stateRateLevelsTsv("{")).toThrow(/not JSON/);
    expect(() => stateRateLevelsTsv(sourceJson(rows, (d) => (d.dataYear = 2022)))).toThrow(/needs dataYear 2023/);
    expect(() => stateRateLevelsTsv(sourceJson(rows, (d) => (d.sources = [{ id: "naic-auto-db-2021" }])))).toThrow(/a source 'naic-auto-db-2022-2023'/);
    expect(() => stateRateLevelsTsv(sourceJson([...rows, ["PR", 900]]))).toThrow(/does not know: PR/);
    expect(() => stateRateLevelsTsv(sourceJson(rows.filter(([state]) => state !== "WY")))).toThrow(/no row for WY/);
    expect(() => stateRateLevelsTsv(sourceJson(rows, (d) => ((d.states as Record<string, Record<string, unknown>>).IA!.sourceId = "other")))).toThrow(/IA's row comes from 'other'/);
    for (const bad of [-872.61, "872.61", 872.615, null]) {
      expect(() => stateRateLevelsTsv(sourceJson(rows.map(([s, a]) => [s, s === "IA" ? bad : a])))).toThrow(/IA's averageExpenditure is not an amount/);
    }

    expect(() => parseStateRateLevels(COMMITTED.replace("AL\t1081.24", "AL\t1081.2"))).toThrow(/unreadable row 'AL\t1081.2'/);
    expect(() => parseStateRateLevels(COMMITTED.replace("AL\t1081.24", "XX\t1081.24"))).toThrow(/unreadable row 'XX/);
    expect(() => parseStateRateLevels(COMMITTED.replace("AK\t1112.96", "AL\t1112.96"))).toThrow(/unreadable row 'AL\t1112.96'/);
    expect(() => parseStateRateLevels(COMMITTED.replace(/\nWY\t[^\n]+/, ""))).toThrow(/no row for WY/);
    expect(() => parseStateRateLevels(COMMITTED.replace("naic_2023_average_expenditure", "expenditure"))).toThrow(/unexpected header/);
  });
});

describe("state rate levels", () => {
  it("are NAIC's figure over the book's own premium, scaled to a population mean of 1 (worked by hand)", () => {
    const naic = new Map(US_STATE_CODES.map((s) => [s, s === "NJ" ? 200 : 100]));
    const book = Object.fromEntries(US_STATE_CODES.map((s) => [s, s === "MI" ? 2 : 1])) as Record<UsState, number>;
    const people = new Map(US_STATE_CODES.map((s) => [s, s === "CA" ? 3 : 1]));
    // Ratios: NJ 200, MI 50, the other 49 states 100; weights: CA 3, the rest 1 → mean (200 + 50 + 48 × 100 + 3 × 100) / 53.
    const mean = (200 + 50 + 48 * 100 + 300) / 53;
    const factors = stateRateFactors(naic, book, people);
    expect(factors.get("NJ")).toBeCloseTo(200 / mean, 12);
    expect(factors.get("MI")).toBeCloseTo(50 / mean, 12);
    expect(factors.get("TX")).toBeCloseTo(100 / mean, 12);
    expect(US_STATE_CODES.reduce((n, s) => n + people.get(s)! * factors.get(s)!, 0) / 53).toBeCloseTo(1, 12);
  });

  it("average 1 over the population, so the book's countrywide premium and claims stay balanced", () => {
    const people = US_STATE_CODES.reduce((n, s) => n + STATE_POPULATION.get(s)!, 0);
    const mean = US_STATE_CODES.reduce((n, s) => n + STATE_POPULATION.get(s)! * stateRateLevel(s), 0) / people;
    expect(mean).toBeCloseTo(1, 9);
    // A dear state rates above a cheap one, whatever the book's own differences.
    expect(stateRateLevel("LA")).toBeGreaterThan(1.3 * stateRateLevel("ND"));
  });
});
