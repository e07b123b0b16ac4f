import type { RealismMeasure } from "@sdh/validation";
import { STATE_POPULATION, wholeYearsBetweenIso } from "@sdh/rules";
import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import type { HouseholdBundle } from "../generator/generator.js";
import { NAIC_STATE_EXPENDITURE } from "../generator/reference/state-rate-levels.js";

/**
 * The book's behaviour measured against public figures (issue 35's audit): what a P&C QA lead would
 * check first. Each measure states its public figure and source, the band we accept, and the book's
 * value (the table and its pass rule: @sdh/validation's realism-table).
 */
/** A book's measures, from its household bundles (one seed, asOf of the config). */
export function realismMeasures(book: readonly HouseholdBundle[], asOf: string): RealismMeasure[] {
  const persons = book.flatMap((b) => b.persons);
  const personById = new Map(persons.map((p) => [p.person_id, p]));
  const drivers = book.flatMap((b) => b.drivers);
  const claims = book.flatMap((b) => b.claims);
  const policies = book.flatMap((b) => b.policies);
  const ageOf = (personId: string) => wholeYearsBetweenIso(personById.get(personId)!.date_of_birth, asOf);
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

  // Claims per listed driver of personal policies, teens against adults (crash claims name their
  // driver; a commercial account's one driver answers for the whole fleet's claims, so it is left out).
  const personalPolicy = new Set(policies.filter((p) => p.lob_type === "personal").map((p) => p.policy_id));
  const listed = drivers.filter((d) => d.status === "listed" && personalPolicy.has(d.policy_id));
  const claimsOf = new Map<string, number>();
  for (const c of claims) if (c.driver_id) claimsOf.set(c.driver_id, (claimsOf.get(c.driver_id) ?? 0) + 1);
  const frequency = (lo: number, hi: number) => {
    const band = listed.filter((d) => ageOf(d.person_id) >= lo && ageOf(d.person_id) <= hi);
    return share(band.reduce((n, d) => n + (claimsOf.get(d.driver_id) ?? 0), 0), band.length);
  };

  // First-party losses beyond physical damage: claims under UM, PIP, MEDPAY, RENTAL or TOWING.
  const firstParty = claims.filter((c) => !["BI", "PD", "CSL", "COLL", "COMP"].includes(c.coverage_code)).length;
  const byCoverage = (code: string) => claims.filter((c) => c.coverage_code === code).length;

  // Loss ratio of personal auto (the industry figure is private passenger's): case-incurred (paid +
  // reserve) over premium earned to asOf.
  const asOfDay = Date.parse(`${asOf}T00:00:00Z`);
  const earned = policies.filter((p) => personalPolicy.has(p.policy_id)).reduce((n, p) => {
    const start = Date.parse(`${p.effective_date}T00:00:00Z`);
    const end = Date.parse(`${(p.cancellation_date ?? p.expiration_date)}T00:00:00Z`);
    const full = Date.parse(`${p.expiration_date}T00:00:00Z`) - start;
    return n + (full > 0 ? p.written_premium * Math.max(0, Math.min(1, (Math.min(end, asOfDay) - start) / full)) : 0);
  }, 0);
  const incurred = claims.filter((c) => personalPolicy.has(c.policy_id)).reduce((n, c) => n + c.paid_amount + c.reserve_amount, 0);

  // Teen relativity: personal policies with a listed driver 16-19 against those without.
  const personal = policies.filter((p) => p.lob_type === "personal");
  const hasTeen = new Set(listed.filter((d) => ageOf(d.person_id) <= 19).map((d) => d.policy_id));
  const mean = (xs: readonly number[]) => share(xs.reduce((n, x) => n + x, 0), xs.length);
  const teenPremium = mean(personal.filter((p) => hasTeen.has(p.policy_id)).map((p) => p.written_premium));
  const otherPremium = mean(personal.filter((p) => !hasTeen.has(p.policy_id)).map((p) => p.written_premium));

  // State rate levels: written premium per personal car year by state, against NAIC's by state.
  const statePremium = new Map<UsState, number>();
  const stateCarYears = new Map<UsState, number>();
  for (const p of personal) {
    statePremium.set(p.state, (statePremium.get(p.state) ?? 0) + p.written_premium);
    stateCarYears.set(p.state, (stateCarYears.get(p.state) ?? 0) + (p.vehicle_count * p.term_months) / 12);
  }
  const rated = US_STATE_CODES.filter((s) => (stateCarYears.get(s) ?? 0) > 0);
  const bookLevel = new Map(rated.map((s) => [s, statePremium.get(s)! / stateCarYears.get(s)!]));
  const rankOf = (state: UsState) => (bookLevel.has(state) ? 1 + rated.filter((s) => bookLevel.get(s)! > bookLevel.get(state)!).length : 0);

  // The population: personal households' vehicles; the state mix; licensed persons by age.
  const households = book.filter((b) => b.household.lob_type === "personal");
  const vehiclesPer = households.map((b) => b.household.vehicle_count);
  const statePopulation = [...STATE_POPULATION.values()].reduce((n, x) => n + x, 0);
  const stateRatio = (state: string) => share(share(households.filter((b) => b.household.state === state).length, households.length), share(STATE_POPULATION.get(state as never) ?? 0, statePopulation));
  const licensed = persons.filter((p) => p.license_issue_date !== null && p.lob_type === "personal");
  const licensedAged = (lo: number, hi: number) => share(licensed.filter((p) => ageOf(p.person_id) >= lo && ageOf(p.person_id) <= hi).length, licensed.length);
  const njUnder17 = licensed.filter((p) => p.license_state === "NJ" && wholeYearsBetweenIso(p.date_of_birth, p.license_issue_date!) < 17).length;

  // Tenure: the term numbers' counts, each against the mean of its two neighbours (a spike is > 2).
  const terms = new Map<number, number>();
  for (const p of personal) terms.set(p.term_number, (terms.get(p.term_number) ?? 0) + 1);
  let spike = 0;
  for (const [t, n] of terms) {
    const around = ((terms.get(t - 1) ?? 0) + (terms.get(t + 1) ?? 0)) / 2;
    if (t > 1 && around > 0) spike = Math.max(spike, n / around);
  }

  // Vehicles: the models a personal book shows, and plates a registry would take (one per state).
  const vehicles = book.flatMap((b) => b.vehicles);
  const models = new Set(vehicles.filter((v) => v.lob_type === "personal").map((v) => `${v.make} ${v.model}`)).size;
  const plates = new Map<string, number>();
  for (const v of vehicles) plates.set(`${v.registration_state} ${v.plate}`, (plates.get(`${v.registration_state} ${v.plate}`) ?? 0) + 1);
  const duplicatePlates = [...plates.values()].reduce((n, c) => n + (c - 1), 0);

  // Our own schema, as the market has it: a suspended licence is always excluded (a valid one may be
  // too: named-driver exclusions); a liability claim not at fault is closed without payment (denied).
  const suspendedListed = drivers.filter((d) => d.status === "listed" && d.license_status === "suspended").length;
  const liabilityNotAtFaultPaid = claims.filter((c) => ["BI", "PD", "CSL"].includes(c.coverage_code) && c.at_fault === false && c.status !== "closed_without_payment").length;

  return [
    { id: "teen-claim-frequency", what: "Claims per listed driver of personal policies, ages 16-19 over ages 25-64", figure: "drivers 15-20 are 5.1% of drivers and 8.5% of drivers in fatal crashes (1.7×); per mile driven, drivers 16-19 are nearly 3× as likely as drivers 20 and older to crash", source: "NHTSA Traffic Safety Facts, Young Drivers (2022 data); IIHS teenager fatality facts", band: [1.5, 4], value: round(share(frequency(16, 19), frequency(25, 64)), 2) },
    { id: "first-party-claims", what: "Claims under UM, PIP, MedPay, rental or towing, per 100 claims", figure: "UM and UIM frequency about 15% and 18% of BI's; PIP in no-fault states of the order of BI's; towing frequent and small", source: "Insurance Research Council, uninsured and underinsured motorists 2017-2023", band: [10, 60], value: round(100 * share(firstParty, claims.length), 1) },
    { id: "um-to-bi", what: "UM claims over BI claims", figure: "UM frequency about 15% of BI's", source: "Insurance Research Council 2017-2023", band: [0.1, 0.25], value: round(share(byCoverage("UM"), byCoverage("BI")), 3) },
    { id: "loss-ratio", what: "Personal auto: case-incurred losses (paid + reserve) over the premium the current terms earned to asOf (claims fall in those terms)", figure: "private passenger auto loss ratios 0.6-0.8 (combined ratios 95-111 in 2022-2024)", source: "NAIC / AM Best private passenger auto results", band: [0.6, 0.8], value: round(share(incurred, earned), 3) },
    { id: "teen-premium", what: "Written premium of personal policies with a listed 16-19 driver over those without", figure: "adding a teen driver raises a policy's premium by 80% to 150%", source: "published market studies of rate filings (the audit's figure)", band: [1.8, 2.5], value: round(share(teenPremium, otherPremium), 2) },
    { id: "state-rate-levels", what: "Rank correlation (Spearman) of the states' written premium per personal car year with NAIC's by state", figure: "NAIC's average expenditure per insured vehicle by state: Florida $1,865, Louisiana $1,754 and New York $1,753 the highest, North Dakota $808 the lowest (2023)", source: "NAIC 2022/2023 Auto Insurance Database Report, Table 4, as bolewood/notaquote-fyi transcribed it (MIT)", band: [0.85, 1], value: round(spearman(rated.map((s) => bookLevel.get(s)!), rated.map((s) => NAIC_STATE_EXPENDITURE.get(s)!)), 3) },
    { id: "louisiana-rank", what: "Louisiana's rank of 51 by written premium per personal car year (1 = the dearest)", figure: "2nd of 51 (the audit found it 45th)", source: "NAIC 2022/2023 Auto Insurance Database Report (as above)", band: [1, 5], value: rankOf("LA") },
    { id: "north-dakota-rank", what: "North Dakota's rank of 51 by written premium per personal car year (1 = the dearest)", figure: "51st of 51 (the audit found it 4th)", source: "NAIC 2022/2023 Auto Insurance Database Report (as above)", band: [41, 51], value: rankOf("ND") },
    { id: "vehicles-per-household", what: "Vehicles per personal household", figure: "about 1.88 vehicles per household", source: "FHWA National Household Travel Survey 2017", band: [1.75, 2.0], value: round(mean(vehiclesPer), 2) },
    { id: "two-plus-vehicles", what: "Personal households with two or more vehicles, %", figure: "about 60%", source: "FHWA National Household Travel Survey 2017", band: [55, 65], value: round(100 * share(vehiclesPer.filter((n) => n >= 2).length, vehiclesPer.length), 1) },
    { id: "state-mix-ca", what: "California's share of personal households over its population share", figure: "households in proportion to population", source: "US Census Bureau (population by state; here the Census 2010 counts of @sdh/rules' ZIP table)", band: [0.9, 1.1], value: round(stateRatio("CA"), 2) },
    { id: "state-mix-tx", what: "Texas's share of personal households over its population share", figure: "households in proportion to population", source: "US Census Bureau (as above)", band: [0.9, 1.1], value: round(stateRatio("TX"), 2) },
    { id: "licensed-16-19", what: "Licensed persons aged 16-19, %", figure: "about 4.0% of licensed drivers", source: "FHWA Highway Statistics, table DL-20", band: [3, 5], value: round(100 * licensedAged(16, 19), 1) },
    { id: "licensed-20-24", what: "Licensed persons aged 20-24, %", figure: "about 8.3% of licensed drivers", source: "FHWA Highway Statistics, table DL-20", band: [7, 9.5], value: round(100 * licensedAged(20, 24), 1) },
    { id: "nj-licensed-before-17", what: "New Jersey residents licensed before 17", figure: "New Jersey's minimum age for a probationary licence is 17", source: "N.J.S.A. 39:3-13", band: [0, 0], value: njUnder17 },
    { id: "tenure-spike", what: "Largest count of personal policies at one term number over the mean of its neighbours", figure: "retention curves decay smoothly", source: "a rule (no spikes)", band: [0, 2], value: round(spike, 1) },
    { id: "make-models", what: "Distinct make and model pairs among personal vehicles", figure: "the makes and models of US registrations: the audit asks at least 200, weighted by registrations", source: "NHTSA vPIC (models); registrations by model (the audit's goal)", band: [200, 100_000], value: models },
    { id: "duplicate-plates", what: "Vehicles whose (registration state, plate) another vehicle already has", figure: "a state issues a plate once", source: "state registration law; a system under test with that constraint rejects duplicates", band: [0, 0], value: duplicatePlates },
    { id: "suspended-listed", what: "Listed drivers whose licence is suspended", figure: "a driver with a suspended licence is excluded; one with a valid licence may be too (named-driver exclusions)", source: "this pack's schema and gate (DOMAIN_DRIVER_EXCLUDED), as the market uses exclusions", band: [0, 0], value: suspendedListed },
    { id: "liability-not-at-fault-paid", what: "Liability claims (BI, PD, CSL) not at fault yet paid or open", figure: "a third party's claim is paid when the insured is liable; one found not at fault is denied", source: "this pack's schema and gate (DOMAIN_CLAIM_AT_FAULT)", band: [0, 0], value: liabilityNotAtFaultPaid },
  ];
}

/** Spearman's rank correlation of two equally long lists (ranks of ties averaged). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const ranks = (vs: readonly number[]) => {
    const order = vs.map((v, k) => ({ v, k })).sort((a, b) => a.v - b.v);
    const r = new Array<number>(vs.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]!.v === order[i]!.v) j++;
      for (let k = i; k <= j; k++) r[order[k]!.k] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const [rx, ry] = [ranks(xs), ranks(ys)];
  const n = xs.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    sxy += (rx[k]! - mean) * (ry[k]! - mean);
    sxx += (rx[k]! - mean) ** 2;
    syy += (ry[k]! - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
