import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import { STATE_POPULATION } from "@sdh/rules";
import { NAIC_STATE_PREMIUM, parseStateRateLevels, stateRateFactors, stateRateLevel } from "../../src/generator/index.js";
import { STATE_NAMES, stateRateLevelsTsv } from "../../reference-build/state-rate-levels-source.js";

// NAIC's 2011 combined average premium by state (data/state-rate-levels.tsv) and the state rate levels
// rating and claims take from it. The spot checks were typed from the source (FiveThirtyEight's
// bad-drivers.csv), independently of the table.

const COMMITTED = readFileSync(new URL("../../data/state-rate-levels.tsv", import.meta.url), "utf8");
const NAMES: Partial<Record<UsState, string>> = { NJ: "New Jersey", LA: "Louisiana", ID: "Idaho", DC: "District of Columbia" };

/** A source CSV in FiveThirtyEight's shape, holding the committed table's figures (other columns filled). */
function sourceCsv(rows: ReadonlyArray<readonly [name: string, premium: string]>): string {
  const header = "State,Number of drivers involved in fatal collisions per billion miles,Car Insurance Premiums ($),Losses incurred by insurance companies for collisions per insured driver ($)";
  return `${[header, ...rows.map(([name, premium]) => `${name},10.1,${premium},100.5`)].join("\r\n")}\r\n`;
}
const committedRows = (): Array<[string, string]> =>
  COMMITTED.split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => {
    const [code, premium] = l.split("\t");
    return [STATE_NAMES[code as UsState], premium!];
  });

describe("NAIC's state premiums (data/state-rate-levels.tsv)", () => {
  it("covers the 50 states and DC with the source's figures", () => {
    expect([...NAIC_STATE_PREMIUM.keys()]).toEqual([...US_STATE_CODES]);
    expect(STATE_NAMES).toMatchObject(NAMES);
    expect(NAIC_STATE_PREMIUM.get("NJ")).toBe(1301.52);
    expect(NAIC_STATE_PREMIUM.get("LA")).toBe(1281.55);
    expect(NAIC_STATE_PREMIUM.get("DC")).toBe(1273.89);
    expect(NAIC_STATE_PREMIUM.get("ND")).toBe(688.75);
    expect(NAIC_STATE_PREMIUM.get("ID")).toBe(641.96);
    const dearest = [...NAIC_STATE_PREMIUM].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    expect(dearest.slice(0, 2)).toEqual(["NJ", "LA"]);
    expect(dearest.indexOf("ND") + 1).toBe(46);
  });

  it("is what the build script writes from the source's CSV, byte for byte", () => {
    expect(stateRateLevelsTsv(sourceCsv(committedRows()))).toBe(COMMITTED);
  });

  it("is refused, by the build and by the generator, when it is not what its header says", () => {
    const rows = committedRows();
    expect(() => stateRateLevelsTsv(sourceCsv(rows).replace("Car Insurance Premiums ($)", "Premiums"))).toThrow(/no 'State' and 'Car Insurance Premiums \(\$\)' columns/);
    expect(() => stateRateLevelsTsv(sourceCsv([...rows, ["Puerto Rico", "700.00"]]))).toThrow(/does not know: 'Puerto Rico'/);
    expect(() => stateRateLevelsTsv(sourceCsv([...rows, rows[3]!]))).toThrow(/lists Arkansas twice/);
    expect(() => stateRateLevelsTsv(sourceCsv(rows.filter(([name]) => name !== "Wyoming")))).toThrow(/no premium for WY/);
    expect(() => stateRateLevelsTsv(sourceCsv(rows.map(([n, p]) => [n, n === "Iowa" ? "-649.06" : p])))).toThrow(/Iowa's premium is not an amount/);
    expect(() => stateRateLevelsTsv(sourceCsv(rows.map(([n, p]) => [n, n === "Iowa" ? "6.4906e2" : p])))).toThrow(/Iowa's premium/);

    expect(() => parseStateRateLevels(COMMITTED.replace("AL\t784.55", "AL\t784.5"))).toThrow(/unreadable row 'AL\t784.5'/);
    expect(() => parseStateRateLevels(COMMITTED.replace("AL\t784.55", "XX\t784.55"))).toThrow(/unreadable row 'XX/);
    expect(() => parseStateRateLevels(COMMITTED.replace("AK\t1053.48", "AL\t1053.48"))).toThrow(/unreadable row 'AL\t1053.48'/);
    expect(() => parseStateRateLevels(COMMITTED.replace(/\nWY\t[^\n]+/, ""))).toThrow(/no row for WY/);
    expect(() => parseStateRateLevels(COMMITTED.replace("naic_2011_combined_premium", "premium"))).toThrow(/unexpected header/);
  });
});

describe("state rate levels", () => {
  it("are NAIC's premium over the book's own, scaled to a population mean of 1 (worked by hand)", () => {
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
