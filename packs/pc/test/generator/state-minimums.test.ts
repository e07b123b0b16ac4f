import { describe, expect, it } from "vitest";
import { US_STATE_CODES } from "@sdh/schemas";
import { epochDayOf } from "@sdh/rules";
import { parseStateMinimums, STATE_MINIMUM_ROWS, stateMinimumOn } from "../../src/generator/index.js";

// The statutes' minimums, as data/state-minimums.tsv transcribes them. The spot checks below were read
// from the statute text (or the enacting act) of each change since 2017, independently of the table.

const on = (state: (typeof US_STATE_CODES)[number], date: string) => stateMinimumOn(state, epochDayOf(date));
const split = (state: (typeof US_STATE_CODES)[number], date: string) => {
  const m = on(state, date);
  return [m.biPerPerson, m.biPerAccident, m.pd];
};

describe("the state minimums table", () => {
  it("covers the 50 states and DC, each row with a citation, in date order", () => {
    expect([...STATE_MINIMUM_ROWS.keys()].sort()).toEqual([...US_STATE_CODES].sort());
    for (const rows of STATE_MINIMUM_ROWS.values()) {
      expect(rows[0]!.fromDay).toBe(-Infinity);
      for (const row of rows) expect(row.citation).toMatch(/§|Stat\.|Code|ILCS|Laws/);
    }
  });

  it("follows each change since 2017 from its effective date", () => {
    expect(split("CA", "2024-12-31")).toEqual([15_000, 30_000, 5_000]);
    expect(split("CA", "2025-01-01")).toEqual([30_000, 60_000, 15_000]); // SB 1107
    expect(split("NC", "2025-06-30")).toEqual([30_000, 60_000, 25_000]);
    expect(split("NC", "2025-07-01")).toEqual([50_000, 100_000, 50_000]); // S.L. 2023-141
    expect(split("NJ", "2022-12-31")).toEqual([15_000, 30_000, 5_000]);
    expect(split("NJ", "2023-01-01")).toEqual([25_000, 50_000, 25_000]); // P.L. 2022, c. 87
    expect(split("NJ", "2026-01-01")).toEqual([35_000, 70_000, 25_000]);
    expect(split("MA", "2025-06-30")).toEqual([20_000, 40_000, 5_000]);
    expect(split("MA", "2025-07-01")).toEqual([25_000, 50_000, 30_000]); // H.5111
    expect(split("UT", "2024-12-31")).toEqual([25_000, 65_000, 15_000]);
    expect(split("UT", "2025-01-01")).toEqual([30_000, 65_000, 25_000]); // H.B. 113 (2023)
    expect(split("VA", "2025-01-01")).toEqual([50_000, 100_000, 25_000]);
    expect(split("AZ", "2020-07-01")).toEqual([25_000, 50_000, 15_000]);
    expect(split("NV", "2018-07-01")).toEqual([25_000, 50_000, 20_000]);
    expect(split("MI", "2020-07-02")).toEqual([50_000, 100_000, 10_000]);
    expect(on("FL", "2026-01-01")).toMatchObject({ biPerPerson: 0, pd: 10_000, pip: "required", pipLimit: 10_000 });
  });

  it("agrees on 2023-12-01 with the Insurance Information Institute's table of that date, where the statutes do", () => {
    // BI per person / per accident / PD in thousands, as III's "Automobile financial responsibility limits
    // by state" (as of December 2023) lists them, Alabama to Tennessee (the part of it we hold).
    const iii = "AL 25/50/25 AK 50/100/25 AZ 25/50/15 AR 25/50/25 CA 15/30/5 CO 25/50/15 CT 25/50/25 DE 25/50/10 DC 25/50/10 GA 25/50/25 HI 20/40/10 ID 25/50/15 IL 25/50/20 IN 25/50/25 IA 20/40/15 KY 25/50/25 LA 15/30/25 ME 50/100/25 MD 30/60/15 MA 20/40/5 MN 30/60/10 MS 25/50/25 MO 25/50/25 MT 25/50/20 NE 25/50/25 NV 25/50/20 NH 25/50/25 NJ 25/50/25 NM 25/50/10 NY 25/50/10 NC 30/60/25 ND 25/50/25 OH 25/50/25 OK 25/50/25 OR 25/50/20 PA 15/30/5 RI 25/50/25 SC 25/50/25 SD 25/50/25";
    for (const [state, limits] of iii.split(" ").reduce<Array<[string, string]>>((pairs, word, k, words) => (k % 2 ? pairs : [...pairs, [word, words[k + 1]!]]), [])) {
      expect(split(state as (typeof US_STATE_CODES)[number], "2023-12-01").map((n) => n / 1000).join("/"), state).toBe(limits);
    }
    // Where the statutes differ from that table: Florida compels no BI before a crash (III lists the
    // post-crash 10/20), Michigan's 250/500 is the default a buyer may lower to 50/100 (MCL 500.3009),
    // and Kansas compels $25,000 of property damage (K.S.A. 40-3107(f); III lists 15 that year, 25 in 2022).
    expect(split("FL", "2023-12-01")).toEqual([0, 0, 10_000]);
    expect(split("MI", "2023-12-01")).toEqual([50_000, 100_000, 10_000]);
    expect(split("KS", "2023-12-01")).toEqual([25_000, 50_000, 25_000]);
  });

  it("requires PIP in the twelve no-fault states (and the add-on states DE and OR), nowhere else", () => {
    const noFault = ["FL", "HI", "KS", "KY", "MA", "MI", "MN", "NJ", "NY", "ND", "PA", "UT"];
    const required = US_STATE_CODES.filter((s) => on(s, "2026-01-01").pip === "required");
    expect(required.sort()).toEqual([...noFault, "DE", "OR"].sort());
  });

  it("refuses a row that is not what its header says", () => {
    const header = "state\tfrom\tbi_person\tbi_accident\tpd\tum_person\tum_accident\tpip\tpip_limit\tmedpay\tcitation\n";
    expect(() => parseStateMinimums(`${header}ZZ\t-\t1\t1\t1\t0\t0\tnone\t0\t0\tx\n`)).toThrow(/unreadable row/);
    expect(() => parseStateMinimums(`${header}AL\t-\t1\t1\t1\t0\t0\tmaybe\t0\t0\tx\n`)).toThrow(/unreadable row/);
    expect(() => parseStateMinimums(`${header}AL\t2020-01-01\t1\t1\t1\t0\t0\tnone\t0\t0\tx\n`)).toThrow(/before 2017/);
    expect(() => parseStateMinimums(`${header}AL\t-\t1\t1\t1\t0\t0\tnone\t0\t0\tx\n`)).toThrow(/no row for AK/);
  });
});
