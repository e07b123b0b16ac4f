import type { Claim, ClaimCoverage, Coverage, Driver, LobType, LossCause, LossType } from "../schemas/index.js";
import { formatEpochDay, fromEpochDay, intBetween, pickWeighted, uuidFrom } from "@sdh/rules";
import { grossMeanFor } from "./loss-severity.js";
import type { Random } from "@sdh/rules";
import { experienceOf, type YearExperience } from "./reference/claim-experience.js";
import { COLLISION_AT_FAULT_SHARE, COMPREHENSIVE_PERILS, DAMAGE_CRASH_TYPES, FIRST_PARTY_AT_FAULT_SHARE, FIRST_PARTY_FREQUENCY_OF_BI, FIRST_PARTY_SEVERITY_OF_BI, INJURY_CRASH_TYPES, ISO_DEDUCTIBLE, LIABILITY_DENIED_SHARE, MEAN_SETTLEMENT_DAYS, MEAN_VEHICLE_AGE_FACTOR, PARTIAL_PAYMENT_AFTER_DAYS, PARTIAL_PAYMENT_PART, PARTIAL_PAYMENT_SHARE, RENTAL_MEAN_DAYS, RENTAL_USE_SHARE, REPORT_LAG_DAYS, SEVERITY_SIGMA, SINGLE_VEHICLE_CAUSES, TOWING_FREQUENCY, TOWING_MEAN_DOLLARS } from "./reference/claims.js";
import { MEAN_CRASH_RELATIVITY, MEAN_VEHICLE_FACTOR } from "./reference/rating-balance.js";

/** A vehicle of the policy as claims see it: its coverages and what its risk makes of its claims. */
export interface ClaimedVehicle {
  vehicleId: string;
  /** vehicleFactor of the vehicle (body, use, mileage): every peril's frequency follows it. */
  vehicleFactor: number;
  /** vehicleAgeFactor of the vehicle: physical damage losses cost more on newer vehicles. */
  ageFactor: number;
  coll: Coverage | null;
  comp: Coverage | null;
  rental: Coverage | null;
  towing: Coverage | null;
}

/** A policy's current term as claims see it. */
export interface ClaimedPolicy {
  policyId: string;
  lob: LobType;
  /** The policy number's nine digits, which its claim numbers carry. */
  numberDigits: string;
  /** The term's first day and the day after its last (cancellation or expiration), epoch days. */
  start: number;
  end: number;
  /** The liability coverages under which crash claims are made: BI and PD (personal) or CSL for both (commercial). */
  bi: Coverage | null;
  pd: Coverage | null;
  /** The insured's own injury coverages, where the policy carries them. */
  um: Coverage | null;
  pip: Coverage | null;
  medpay: Coverage | null;
  drivers: readonly Driver[];
  /** The epoch day each driver joined the term. */
  driverAdded: readonly number[];
  /**
   * Each driver's crash exposure in a year: on a personal policy drivingExposure × driverRelativity
   * (rating.ts), on a commercial one their share of the fleet's car years; 0 for an excluded driver,
   * who is not covered to drive. Each vehicle is driven a 1/vehicles share of their sum.
   */
  driverWeight: readonly number[];
  /** The state's rate level (reference/state-rate-levels.ts; 1 on a commercial policy): every peril's frequency is multiplied by it, as the premium is. */
  stateLevel: number;
}

/** The perils a term's claims arise from; a rental follows a paid collision or comprehensive loss. */
type CrashPeril = "bi" | "pd" | "um" | "pip" | "medpay" | "coll";
type Peril = CrashPeril | "comp" | "towing" | "rental";

/** What each peril's claim is made under, and what it is called. */
const LOSS_TYPES: Readonly<Record<Peril, LossType>> = {
  bi: "bodily_injury", pd: "property_damage", um: "insured_injury", pip: "insured_injury", medpay: "insured_injury",
  coll: "collision", comp: "comprehensive", towing: "towing", rental: "rental",
};
const CRASH_PERILS: readonly CrashPeril[] = ["bi", "pd", "um", "pip", "medpay", "coll"];

/** A Poisson count of mean `lambda` (inverse transform; the means here are well under 1). */
function poisson(r: Random, lambda: number): number {
  const u = r.next();
  // e^-λ ≥ 1 - λ: a draw under 1 - λ is zero without working out the exponential (most draws are).
  if (u <= 1 - lambda) return 0;
  let p = Math.exp(-lambda);
  let sum = p;
  let n = 0;
  while (u > sum && n < 20) {
    n++;
    p *= lambda / n;
    sum += p;
  }
  return n;
}

/** A lognormal draw of mean `mean` whose logarithm has spread `sigma` (Box-Muller). */
function lognormal(r: Random, mean: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z);
}

const cents = (dollars: number) => Math.round(dollars * 100) / 100;

/** Gross physical damage losses whose paid claims at ISO's $500 deductible average ISO's severity, by peril and loss year (worked out once each). */
const grossMeans = new Map<string, number>();
function grossMeanOf(peril: "coll" | "comp", year: number): number {
  const key = `${peril}${year}`;
  let mean = grossMeans.get(key);
  if (mean === undefined) grossMeans.set(key, (mean = grossMeanFor(experienceOf(year)[peril].severity, SEVERITY_SIGMA[peril], ISO_DEDUCTIBLE)));
  return mean;
}

/** Claims per 100 car years of a peril in a year's experience: ISO's, or stated against BI's. */
function frequencyOf(peril: CrashPeril | "comp", year: YearExperience): number {
  if (peril === "um" || peril === "pip" || peril === "medpay") return year.bi.frequency * FIRST_PARTY_FREQUENCY_OF_BI[peril];
  return year[peril].frequency;
}

/** An exponential draw of mean `mean`, in whole days. */
const expDays = (r: Random, mean: number) => Math.round(-mean * Math.log(1 - r.next()));

interface Loss {
  day: number;
  claim: Claim;
}

/** What a loss is, before its handling: when, who drove, how, whose fault, and what the coverage pays. */
interface LossFacts {
  day: number;
  driver: Driver | null;
  cause: LossCause;
  atFault: boolean | null;
  payable: number;
}

/**
 * The claims of a policy's current term, from the claim stream. Per vehicle and crash peril (BI, PD,
 * UM, PIP, MedPay, collision) a Poisson count whose mean is the year's frequency (ISO's, or stated
 * against BI's) × the vehicle's share of its drivers' crash exposure (each listed driver's days on the
 * term × how much and how they drive, ÷ vehicles) × the vehicle's factor ÷ the line's mean × the state's
 * rate level; each claim's driver drawn in proportion to their exposure. Comprehensive and towing losses
 * follow the vehicle alone (× the state's rate level too); a paid collision or comprehensive loss may
 * bring a rental claim. Each loss a lognormal
 * around its severity, net of the deductible and within the limit; reported, handled and reserved by
 * the rules of reference/claims.ts. Ordered by loss date and numbered on the policy.
 */
export function planClaims(r: Random, policy: ClaimedPolicy, vehicles: readonly ClaimedVehicle[], asOfDay: number): Claim[] {
  const lastDay = Math.min(policy.end - 1, asOfDay);
  const days = lastDay - policy.start + 1;
  if (days <= 0) return [];
  const frequencyYear = experienceOf(fromEpochDay(policy.start).year);
  const losses: Loss[] = [];

  // Each listed driver's exposure on the term: weight × the share of the term they were on it.
  const exposures: number[] = new Array(policy.drivers.length);
  const firstDays: number[] = new Array(policy.drivers.length);
  let crashExposure = 0;
  for (let d = 0; d < policy.drivers.length; d++) {
    const first = Math.max(policy.start, policy.driverAdded[d]!);
    firstDays[d] = first;
    const on = Math.max(0, lastDay - first + 1);
    exposures[d] = (policy.driverWeight[d]! * on) / 365;
    crashExposure += exposures[d]!;
  }
  /** A driver drawn in proportion to their exposure (the named insured when nobody has any). */
  const driverIndex = (): number => {
    let u = r.next() * crashExposure;
    for (let d = 0; d < exposures.length; d++) {
      u -= exposures[d]!;
      if (u < 0 && exposures[d]! > 0) return d;
    }
    return 0;
  };

  const handled = (peril: Peril, code: ClaimCoverage, coverage: Coverage, vehicleId: string, facts: LossFacts): Loss => {
    const { day, payable } = facts;
    // Reported, then handled.
    const reported = Math.min(asOfDay, day + intBetween(r, ...pickWeighted(r, REPORT_LAG_DAYS)));
    let closed: number | null = reported + expDays(r, MEAN_SETTLEMENT_DAYS[peril]);
    let reserve = 0;
    let paid = payable;
    if (payable === 0) closed = Math.min(closed, asOfDay); // nothing to pay is settled by asOf
    else if (closed > asOfDay) {
      closed = null;
      paid = asOfDay - reported > PARTIAL_PAYMENT_AFTER_DAYS && r.next() < PARTIAL_PAYMENT_SHARE ? cents(payable * (PARTIAL_PAYMENT_PART[0] + r.next() * (PARTIAL_PAYMENT_PART[1] - PARTIAL_PAYMENT_PART[0]))) : 0;
      reserve = cents(payable - paid);
      if (reserve <= 0) [paid, reserve] = [0, payable];
    }
    const claim: Claim = {
      claim_id: uuidFrom(r),
      claim_number: "",
      policy_id: policy.policyId,
      coverage_id: coverage.coverage_id,
      vehicle_id: vehicleId,
      driver_id: facts.driver?.driver_id ?? null,
      coverage_code: code,
      loss_type: LOSS_TYPES[peril],
      loss_cause: facts.cause,
      at_fault: facts.atFault,
      loss_date: formatEpochDay(day),
      reported_date: formatEpochDay(reported),
      status: closed === null ? "open" : payable === 0 ? "closed_without_payment" : "closed",
      closed_date: closed === null ? null : formatEpochDay(closed),
      reserve_amount: reserve,
      paid_amount: paid,
    };
    return { day, claim };
  };

  /** A crash: its driver (by exposure), a day they were on the term, how it happened, whose fault, what it pays. */
  const crashFacts = (peril: CrashPeril, coverage: Coverage, vehicle: ClaimedVehicle): LossFacts => {
    const d = driverIndex();
    const driver = policy.drivers[d]!;
    const day = intBetween(r, Math.min(firstDays[d]!, lastDay), lastDay);
    const year = experienceOf(fromEpochDay(day).year);
    const injury = peril === "bi" || peril === "um" || peril === "pip" || peril === "medpay";
    const cause: LossCause = pickWeighted(r, injury ? INJURY_CRASH_TYPES : DAMAGE_CRASH_TYPES);
    const liability = peril === "bi" || peril === "pd";
    const denied = liability && r.next() < LIABILITY_DENIED_SHARE;
    const atFault =
      liability ? !denied
      : peril === "um" ? false
      : SINGLE_VEHICLE_CAUSES.has(cause) || r.next() < (peril === "coll" ? COLLISION_AT_FAULT_SHARE : FIRST_PARTY_AT_FAULT_SHARE);
    let payable: number;
    if (peril === "coll") {
      const gross = lognormal(r, (grossMeanOf("coll", fromEpochDay(day).year) * vehicle.ageFactor) / MEAN_VEHICLE_AGE_FACTOR, SEVERITY_SIGMA.coll);
      payable = cents(Math.max(0, gross - coverage.deductible!));
    } else {
      const mean = peril === "bi" || peril === "pd" ? year[peril].severity : year.bi.severity * FIRST_PARTY_SEVERITY_OF_BI[peril];
      const gross = lognormal(r, mean, SEVERITY_SIGMA[peril]);
      // BI, UM, PIP and MedPay pay per injured person where the coverage has such a limit; PD and CSL per accident.
      const limit = peril !== "pd" && coverage.limit_per_person !== null ? coverage.limit_per_person : coverage.limit_per_accident;
      payable = denied ? 0 : cents(limit === null ? gross : Math.min(gross, limit));
    }
    return { day, driver, cause, atFault, payable };
  };

  const codeOf = (c: Coverage) => c.coverage_code as ClaimCoverage;
  /** A paid physical damage loss on a vehicle with rental reimbursement may bring a rental claim, on the same loss. */
  const rentalAfter = (vehicle: ClaimedVehicle, facts: LossFacts) => {
    if (vehicle.rental === null || facts.payable === 0 || r.next() >= RENTAL_USE_SHARE) return;
    const rentedDays = Math.max(1, Math.round(lognormal(r, RENTAL_MEAN_DAYS, SEVERITY_SIGMA.rental)));
    const payable = cents(Math.min(rentedDays * vehicle.rental.limit_per_day!, vehicle.rental.limit_per_accident!));
    losses.push(handled("rental", "RENTAL", vehicle.rental, vehicle.vehicleId, { ...facts, payable }));
  };

  const crashMean = MEAN_CRASH_RELATIVITY[policy.lob];
  const vehicleMean = MEAN_VEHICLE_FACTOR[policy.lob];
  for (const vehicle of vehicles) {
    const years = days / 365;
    for (const peril of CRASH_PERILS) {
      const coverage = peril === "coll" ? vehicle.coll : policy[peril];
      if (coverage === null) continue;
      const count = poisson(r, (frequencyOf(peril, frequencyYear) / 100) * (crashExposure / vehicles.length) * (vehicle.vehicleFactor / crashMean) * policy.stateLevel);
      for (let n = 0; n < count; n++) {
        const facts = crashFacts(peril, coverage, vehicle);
        losses.push(handled(peril, codeOf(coverage), coverage, vehicle.vehicleId, facts));
        if (peril === "coll") rentalAfter(vehicle, facts);
      }
    }
    const vehicleExposure = years * (vehicle.vehicleFactor / vehicleMean) * policy.stateLevel;
    if (vehicle.comp !== null) {
      const count = poisson(r, (frequencyYear.comp.frequency / 100) * vehicleExposure);
      for (let n = 0; n < count; n++) {
        const day = policy.start + intBetween(r, 0, days - 1);
        const gross = lognormal(r, (grossMeanOf("comp", fromEpochDay(day).year) * vehicle.ageFactor) / MEAN_VEHICLE_AGE_FACTOR, SEVERITY_SIGMA.comp);
        const facts: LossFacts = { day, driver: null, cause: pickWeighted(r, COMPREHENSIVE_PERILS), atFault: null, payable: cents(Math.max(0, gross - vehicle.comp.deductible!)) };
        losses.push(handled("comp", "COMP", vehicle.comp, vehicle.vehicleId, facts));
        rentalAfter(vehicle, facts);
      }
    }
    if (vehicle.towing !== null) {
      const count = poisson(r, (TOWING_FREQUENCY / 100) * vehicleExposure);
      for (let n = 0; n < count; n++) {
        const day = policy.start + intBetween(r, 0, days - 1);
        const payable = cents(Math.min(lognormal(r, TOWING_MEAN_DOLLARS, SEVERITY_SIGMA.towing), vehicle.towing.limit_per_accident!));
        losses.push(handled("towing", "TOWING", vehicle.towing, vehicle.vehicleId, { day, driver: null, cause: "disablement", atFault: null, payable }));
      }
    }
  }
  // Numbered on the policy in order of loss (a stable sort keeps the draw order on a tie).
  losses.sort((a, b) => a.day - b.day);
  return losses.map(({ claim }, k) => {
    claim.claim_number = `CLM-${claim.loss_date.slice(2, 4)}-${policy.numberDigits}-${String(k + 1).padStart(2, "0")}`;
    return claim;
  });
}
