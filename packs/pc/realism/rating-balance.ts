import { parseSnapshotConfig, US_STATE_CODES, type UsState } from "@sdh/schemas";
import { epochDayOf } from "@sdh/rules";
import { createGenerator } from "../src/generator/index.js";
import { experienceOf } from "../src/generator/reference/claim-experience.js";
import { MEAN_CRASH_RELATIVITY, MEAN_VEHICLE_FACTOR } from "../src/generator/reference/rating-balance.js";
import { stateRateLevel } from "../src/generator/reference/state-rate-levels.js";
import { PERMISSIBLE_LOSS_RATIO } from "../src/generator/reference/coverages.js";

// pnpm --filter @sdh/pack-pc rating-balance [HOUSEHOLDS]: measures what reference/rating-balance.ts and
// the base rates of reference/coverages.ts are set from (seed 42, default 50,000 households): per line,
// claims against ISO's frequency on the car years that carry each coverage (the means to set are the
// current ones × these ratios), each coverage's loss ratio to earned premium (a base rate to set is
// the current one × its loss ratio ÷ PERMISSIBLE_LOSS_RATIO), and BOOK_STATE_PREMIUM: the written
// premium per personal car year of each state with its state level divided out (measure it on 1,000,000
// households, about three minutes, so the smallest states' figures are steady).
const households = Number(process.argv[2] ?? 50_000);
const config = parseSnapshotConfig({ records: households, seed: 42 });
const asOfDay = epochDayOf(config.asOf);
const CODES = ["BI", "PD", "CSL", "UM", "PIP", "MEDPAY", "COLL", "COMP", "RENTAL", "TOWING"] as const;
type Tally = { expectedCrash: number; expectedComp: number; crash: number; comp: number; claims: Map<string, number>; incurred: Map<string, number>; earned: Map<string, number> };
const tallies = new Map<string, Tally>();
const add = (m: Map<string, number>, k: string, x: number) => m.set(k, (m.get(k) ?? 0) + x);

// Per state: personal written premium before the state level, and car years written.
const statePremium = new Map<UsState, number>();
const stateCarYears = new Map<UsState, number>();
for (const b of createGenerator(config).range(0, households)) {
  for (const p of b.policies) {
    if (p.lob_type === "personal") {
      statePremium.set(p.state, (statePremium.get(p.state) ?? 0) + p.written_premium / stateRateLevel(p.state));
      stateCarYears.set(p.state, (stateCarYears.get(p.state) ?? 0) + (p.vehicle_count * p.term_months) / 12);
    }
    let t = tallies.get(p.lob_type);
    if (!t) tallies.set(p.lob_type, (t = { expectedCrash: 0, expectedComp: 0, crash: 0, comp: 0, claims: new Map(), incurred: new Map(), earned: new Map() }));
    const start = epochDayOf(p.effective_date);
    const end = epochDayOf(p.cancellation_date ?? p.expiration_date);
    const years = Math.max(0, Math.min(end - 1, asOfDay) - start + 1) / 365;
    const earnedShare = Math.max(0, Math.min(1, (Math.min(end, asOfDay + 1) - start) / (epochDayOf(p.expiration_date) - start)));
    const year = experienceOf(Number(p.effective_date.slice(0, 4)));
    const own = b.coverages.filter((c) => c.policy_id === p.policy_id);
    for (const c of own) add(t.earned, c.coverage_code, c.premium * earnedShare);
    t.expectedCrash += years * p.vehicle_count * (year.bi.frequency + year.pd.frequency) / 100;
    t.expectedComp += years * own.filter((c) => c.coverage_code === "COMP").length * year.comp.frequency / 100;
  }
  for (const c of b.claims) {
    const t = tallies.get(b.household.lob_type)!;
    add(t.claims, c.coverage_code, 1);
    add(t.incurred, c.coverage_code, c.paid_amount + c.reserve_amount);
    if (c.loss_type === "bodily_injury" || c.loss_type === "property_damage") t.crash++;
    if (c.coverage_code === "COMP") t.comp++;
  }
}
for (const [lob, t] of tallies) {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  console.log(`${lob}: BI+PD claims ${(ratio(t.crash, t.expectedCrash)).toFixed(3)} × ISO (MEAN_CRASH_RELATIVITY ${MEAN_CRASH_RELATIVITY[lob as "personal"]}); comprehensive ${(ratio(t.comp, t.expectedComp)).toFixed(3)} × ISO (MEAN_VEHICLE_FACTOR ${MEAN_VEHICLE_FACTOR[lob as "personal"]})`);
  let incurred = 0;
  let earned = 0;
  for (const code of CODES) {
    const i = t.incurred.get(code) ?? 0;
    const e = t.earned.get(code) ?? 0;
    incurred += i;
    earned += e;
    if (e > 0) console.log(`  ${code.padEnd(7)} claims ${String(t.claims.get(code) ?? 0).padStart(6)}  loss ratio ${ratio(i, e).toFixed(3)} (target ${PERMISSIBLE_LOSS_RATIO})`);
  }
  console.log(`  all     loss ratio ${ratio(incurred, earned).toFixed(3)}`);
}
const perCarYear = (state: UsState) => (statePremium.get(state) ?? 0) / (stateCarYears.get(state) ?? 1);
console.log(`BOOK_STATE_PREMIUM (${households.toLocaleString("en-US")} households; fewest car years: ${Math.round(Math.min(...US_STATE_CODES.map((s) => stateCarYears.get(s) ?? 0)))}):`);
console.log(`  { ${US_STATE_CODES.map((s) => `${s}: ${perCarYear(s).toFixed(2)}`).join(", ")} }`);
