import type { SnapshotConfig } from "@sdh/schemas";
import type { Claim, Coverage, Driver, Household, Person, Policy, PolicyVehicle, Vehicle } from "../schemas/index.js";
import { planClaims, type ClaimedVehicle } from "./claim.js";
import { planCoverages } from "./coverage.js";
import { addMonthsToDay, createPermutation, createRecordStreams, epochDayOfIsoPlusYears, formatEpochDay, intBetween, mix32, parseIsoDate, pickWeighted, type Random, toEpochDay, uuidFrom, wholeYearsTo } from "@sdh/rules";
import { memberIndex } from "./member-index.js";
import { stateRateLevel } from "./reference/state-rate-levels.js";
import { coveragePremiumCents, drivingExposure, driverRelativity, householdCrashExposure, limitFactor, riskRelativity, termFactor, vehicleAgeFactor, vehicleFactor, type RatedDriver, type RatedVehicle } from "./rating.js";
import { ACCIDENT_POINTS, AGENCIES_PER_STATE, CANCELLATION_REASONS_INSTALMENT, CANCELLATION_REASONS_PAID, CHANNELS, EXPIRED_WITHIN_DAYS, PAYMENT_PLANS, PERSONAL_SIX_MONTH_SHARE, PRIOR_TERMS, RENEWAL_WINDOW_DAYS, SUSPENDED_WITH_MAJOR_SHARE, TERM_OUTCOMES, VIOLATION_POINTS, accidentShare, violationShare } from "./reference/policies.js";

/** A household's book: its auto policy's current term, the drivers on it, its vehicles, its coverages and its claims. Empty for a household without vehicles. */
export interface HouseholdPolicies {
  policies: Policy[];
  drivers: Driver[];
  policyVehicles: PolicyVehicle[];
  coverages: Coverage[];
  claims: Claim[];
}

export interface PolicyRule {
  /** The policies of household `i`, from its record, its persons (head first) and its vehicles: a pure function of (seed, i, those records). */
  policiesOf(household: Household, persons: readonly Person[], vehicles: readonly Vehicle[], i: number): HouseholdPolicies;
}

/** Nine-digit policy numbers: 100000000 + a keyed permutation of the household's index, so no two collide. */
const POLICY_NUMBER_SPACE = 900_000_000;
/** A term's days, less a margin for short months: an in-force term's effective date lies this many days or fewer before asOf. */
const inForceSpan = (termMonths: number) => 30 * termMonths - 4;
/** Cents as dollars: 12345 → 123.45. */
const dollars = (cents: number) => cents / 100;


interface Term {
  termMonths: 6 | 12;
  priorTerms: number;
  effective: number;
  expiration: number;
  status: Policy["status"];
  cancellation: number | null;
}

export function createPolicyRule(config: SnapshotConfig): PolicyRule {
  const streams = createRecordStreams(config.seed, "policy");
  // Coverages draw from their own stream: choosing them never shifts a policy's or a driver's draws.
  const coverageStreams = createRecordStreams(config.seed, "coverage");
  // And claims from theirs: the book before them is the same with or without them.
  const claimStreams = createRecordStreams(config.seed, "claim");
  const asOfYear = Number(config.asOf.slice(0, 4));
  const asOfDay = toEpochDay(parseIsoDate(config.asOf));
  const yearsSince = wholeYearsTo(config.asOf);
  const policyNumberOf = createPermutation(POLICY_NUMBER_SPACE, mix32(config.seed ^ 0x70a1c7));

  /** The current term's dates and status, never beginning before `earliest` (the named insured's 18th birthday and licence). */
  const termOf = (r: Random, commercial: boolean, earliest: number): Term => {
    const termMonths = commercial || r.next() >= PERSONAL_SIX_MONTH_SHARE ? 12 : 6;
    const outcome = pickWeighted(r, TERM_OUTCOMES);
    let effective =
      outcome === "expired"
        ? addMonthsToDay(asOfDay, -termMonths) - intBetween(r, 0, EXPIRED_WITHIN_DAYS - 10)
        : asOfDay - intBetween(r, 0, inForceSpan(termMonths));
    let priorTerms = pickWeighted(r, PRIOR_TERMS);
    let kept = outcome;
    if (effective < earliest) {
      // A head who came of age (or was licensed) lately: new business that began on or after that day, in force.
      effective = intBetween(r, Math.max(earliest, asOfDay - inForceSpan(termMonths)), asOfDay);
      priorTerms = 0;
      kept = "in_force";
    }
    while (priorTerms > 0 && addMonthsToDay(effective, -priorTerms * termMonths) < earliest) priorTerms--;
    const expiration = addMonthsToDay(effective, termMonths);
    // Cancelled after its first day (a term cancelled on the day it began would hold nobody), so one that begins on asOf is in force.
    if (kept === "cancelled" && effective < asOfDay) {
      return { termMonths, priorTerms, effective, expiration, status: "cancelled", cancellation: intBetween(r, effective + 1, Math.min(asOfDay, expiration - 1)) };
    }
    if (kept === "expired") return { termMonths, priorTerms, effective, expiration, status: "expired", cancellation: null };
    const status = expiration - asOfDay <= RENEWAL_WINDOW_DAYS ? "pending_renewal" : "in_force";
    return { termMonths, priorTerms, effective, expiration, status, cancellation: null };
  };

  return {
    policiesOf(household, persons, vehicles, i) {
      // Fresh arrays: a caller may add to a bundle's lists.
      if (vehicles.length === 0) return { policies: [], drivers: [], policyVehicles: [], coverages: [], claims: [] };
      const r = streams.at(i);
      const head = persons[0]!;
      const commercial = household.lob_type === "commercial";
      const earliest = Math.max(epochDayOfIsoPlusYears(head.date_of_birth, 18), epochDayOfIsoPlusYears(head.license_issue_date, 0));
      const term = termOf(r, commercial, earliest);
      const end = term.cancellation ?? term.expiration;
      const payment_plan = pickWeighted(r, PAYMENT_PLANS[term.termMonths]);
      const channel = pickWeighted(r, CHANNELS[household.lob_type]);
      const policy_id = uuidFrom(r);

      // Every licensed member is on the term from its start, or from the day they were licensed during
      // it. Each member's record is drawn whether or not they are on it, so the draws never shift.
      const drivers: Driver[] = [];
      const driverAdded: number[] = [];
      const driverOf: Array<Driver | undefined> = [];
      const ratedAs: RatedDriver[] = [];
      for (let m = 0; m < persons.length; m++) {
        const person = persons[m]!;
        const licensed = epochDayOfIsoPlusYears(person.license_issue_date, 0);
        const age = yearsSince(person.date_of_birth);
        // The record: the young have more points; a major violation may suspend a licence (never the head's).
        const accidents = r.next() < accidentShare(age) ? (r.next() < 0.1 ? 2 : 1) : 0;
        const violation_points = r.next() < violationShare(age) ? pickWeighted(r, VIOLATION_POINTS) : 0;
        const suspended = m > 0 && violation_points >= 4 && r.next() < SUSPENDED_WITH_MAJOR_SHARE;
        const accident_points = accidents * ACCIDENT_POINTS;
        const driver_id = uuidFrom(r);
        if (licensed >= end) continue; // licensed after the term ended: not on it
        const points = violation_points + accident_points;
        const relationship = m === 0 ? (commercial && head.fleet_role !== "owner" ? "employee" : "named_insured") : person.household_role === "spouse" ? "spouse" : "child";
        const excluded = suspended || (m > 0 && points >= 6 && r.next() < 0.3);
        const driver: Driver = {
          driver_id,
          policy_id,
          person_id: person.person_id,
          driver_number: drivers.length + 1,
          relationship,
          status: excluded ? "excluded" : "listed",
          license_status: suspended ? "suspended" : "valid",
          violation_points,
          accident_points,
          added_date: formatEpochDay(Math.max(term.effective, licensed)),
        };
        drivers.push(driver);
        driverAdded.push(Math.max(term.effective, licensed));
        driverOf[m] = driver;
        ratedAs.push({ age, yearsLicensed: yearsSince(person.license_issue_date), points });
      }
      // Crash exposure: a personal policy's listed drivers, each by how much they drive and how they
      // drive (excluded ones are not covered to drive); a commercial vehicle is one car year each.
      const driverWeight = new Array<number>(drivers.length).fill(0);
      const listed: RatedDriver[] = [];
      for (let d = 0; d < drivers.length; d++) {
        if (drivers[d]!.status !== "listed") continue;
        listed.push(ratedAs[d]!);
        driverWeight[d] = commercial ? 1 : drivingExposure(ratedAs[d]!.age) * driverRelativity(ratedAs[d]!);
      }
      // A fleet's vehicles are each driven a car year, by its drivers in turn.
      if (commercial) for (let d = 0; d < drivers.length; d++) driverWeight[d]! *= vehicles.length / listed.length;
      const perVehicle = commercial ? null : householdCrashExposure(listed) / vehicles.length;
      // NAIC's figures are private passenger auto's: a commercial policy keeps its class rates in every state.
      const stateLevel = commercial ? 1 : stateRateLevel(household.state);

      // Coverages: the policy's (line) ones rated on every vehicle and summed, then each vehicle's own.
      const cr = coverageStreams.at(i);
      const plan = planCoverages(cr, { lob: household.lob_type, state: household.state, effectiveDay: term.effective, vehicles }, asOfYear);
      const line = plan.line;
      const lineCents = new Array<number>(line.length).fill(0);
      const lineLimits = line.map((c) => limitFactor(household.lob_type, c));
      // Line coverages come first in the list; each vehicle's own follow, in vehicle order.
      const coverages: Coverage[] = line.slice();

      // Each vehicle's principal driver: its owner when listed, else the named insured; commercial vehicles have none.
      let premiumCents = 0;
      const policyVehicles: PolicyVehicle[] = new Array(vehicles.length);
      const claimed: ClaimedVehicle[] = new Array(vehicles.length);
      for (let k = 0; k < vehicles.length; k++) {
        const vehicle = vehicles[k]!;
        let principal = -1;
        if (!commercial) {
          const owner = Math.max(0, memberIndex(persons, vehicle.person_id)); // the head's when none matches
          principal = driverOf[owner]?.status === "listed" ? owner : 0;
        }
        const rated: RatedVehicle = { lob: household.lob_type, vehicle, driver: perVehicle, vehicles: vehicles.length, termMonths: term.termMonths, paymentPlan: payment_plan };
        const ownFactor = vehicleFactor(vehicle);
        const factors = { crash: riskRelativity(rated), vehicle: ownFactor, state: stateLevel, term: termFactor(rated) };
        const vehicleAge = asOfYear - vehicle.model_year;
        let coll: Coverage | null = null;
        let comp: Coverage | null = null;
        let rental: Coverage | null = null;
        let towing: Coverage | null = null;
        let cents = 0;
        for (let j = 0; j < line.length; j++) {
          const share = coveragePremiumCents(rated, factors, line[j]!, vehicleAge, lineLimits[j]);
          lineCents[j]! += share;
          cents += share;
        }
        const policy_vehicle_id = uuidFrom(r);
        for (const own of plan.perVehicle[k]!) {
          const ownCents = coveragePremiumCents(rated, factors, own, vehicleAge);
          cents += ownCents;
          own.coverage_id = uuidFrom(cr);
          own.policy_id = policy_id;
          own.policy_vehicle_id = policy_vehicle_id;
          own.premium = dollars(ownCents);
          coverages.push(own);
          if (own.coverage_code === "COLL") coll = own;
          else if (own.coverage_code === "COMP") comp = own;
          else if (own.coverage_code === "RENTAL") rental = own;
          else if (own.coverage_code === "TOWING") towing = own;
        }
        premiumCents += cents;
        const principal_driver_id = principal < 0 ? null : driverOf[principal]!.driver_id;
        policyVehicles[k] = { policy_vehicle_id, policy_id, vehicle_id: vehicle.vehicle_id, vehicle_number: k + 1, principal_driver_id, premium: dollars(cents) };
        claimed[k] = { vehicleId: vehicle.vehicle_id, vehicleFactor: ownFactor, ageFactor: vehicleAgeFactor(vehicleAge), coll, comp, rental, towing };
      }
      // The line coverages, first in the list, get their ids after the vehicles' (the order of the draws is part of the output).
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        c.coverage_id = uuidFrom(cr);
        c.policy_id = policy_id;
        c.premium = dollars(lineCents[j]!);
      }

      const cancellation_reason =
        term.cancellation === null ? null : pickWeighted(r, payment_plan === "paid_in_full" ? CANCELLATION_REASONS_PAID : CANCELLATION_REASONS_INSTALMENT);
      const agency = channel === "direct" ? null : mix32(Number(household.postal_code) * 2 + (channel === "captive_agent" ? 1 : 0)) % AGENCIES_PER_STATE;
      const policy: Policy = {
        policy_id,
        household_id: household.household_id,
        named_insured_id: head.person_id,
        policy_number: `${commercial ? "BAP" : "PAP"}-${household.state}-${100_000_000 + policyNumberOf(i)}`,
        lob_type: household.lob_type,
        state: household.state,
        term_months: term.termMonths,
        term_number: term.priorTerms + 1,
        original_inception_date: formatEpochDay(addMonthsToDay(term.effective, -term.priorTerms * term.termMonths)),
        effective_date: formatEpochDay(term.effective),
        expiration_date: formatEpochDay(term.expiration),
        status: term.status,
        cancellation_date: term.cancellation === null ? null : formatEpochDay(term.cancellation),
        cancellation_reason,
        channel,
        agency_code: agency === null ? null : `${household.state}${String(agency).padStart(4, "0")}`,
        payment_plan,
        vehicle_count: vehicles.length,
        driver_count: drivers.length,
        written_premium: dollars(premiumCents),
      };
      const lineCoverage = (code: string) => line.find((c) => c.coverage_code === code) ?? null;
      const csl = lineCoverage("CSL");
      const claims = planClaims(
        claimStreams.at(i),
        {
          policyId: policy_id,
          lob: household.lob_type,
          numberDigits: policy.policy_number.slice(-9),
          start: term.effective,
          end,
          bi: csl ?? lineCoverage("BI"),
          pd: csl ?? lineCoverage("PD"),
          um: lineCoverage("UM"),
          pip: lineCoverage("PIP"),
          medpay: lineCoverage("MEDPAY"),
          drivers,
          driverAdded,
          driverWeight,
          stateLevel,
        },
        claimed,
        asOfDay,
      );
      return { policies: [policy], drivers, policyVehicles, coverages, claims };
    },
  };
}
