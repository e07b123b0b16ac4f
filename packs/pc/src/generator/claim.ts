import type { Claim, ClaimCoverage, Coverage, Driver, LossCause, LossType } from "../schemas/index.js";
import { formatEpochDay, fromEpochDay, intBetween, pickWeighted, uuidFrom } from "@sdh/rules";
import { grossMeanFor } from "./loss-severity.js";
import type { Random } from "@sdh/rules";
import { experienceOf, PERILS, type Peril } from "./reference/claim-experience.js";
import { COLLISION_AT_FAULT_SHARE, COMPREHENSIVE_PERILS, DAMAGE_CRASH_TYPES, INJURY_CRASH_TYPES, ISO_DEDUCTIBLE, LIABILITY_DENIED_SHARE, MEAN_RISK_RELATIVITY, MEAN_SETTLEMENT_DAYS, MEAN_VEHICLE_AGE_FACTOR, PARTIAL_PAYMENT_AFTER_DAYS, PARTIAL_PAYMENT_PART, PARTIAL_PAYMENT_SHARE, PRINCIPAL_DRIVER_SHARE, REPORT_LAG_DAYS, SEVERITY_SIGMA, SINGLE_VEHICLE_CAUSES } from "./reference/claims.js";

/** A vehicle of the policy as claims see it: its coverages, principal driver and what its risk makes of its claims. */
export interface ClaimedVehicle {
  vehicleId: string;
  /** Index in the policy's drivers of its principal driver; -1 when rated without one. */
  principal: number;
  /** The rating's risk factors without discounts (riskRelativity). */
  relativity: number;
  /** vehicleAgeFactor of the vehicle: physical damage losses cost more on newer vehicles. */
  ageFactor: number;
  coll: Coverage | null;
  comp: Coverage | null;
}

/** A policy's current term as claims see it. */
export interface ClaimedPolicy {
  policyId: string;
  /** The policy number's nine digits, which its claim numbers carry. */
  numberDigits: string;
  /** The term's first day and the day after its last (cancellation or expiration), epoch days. */
  start: number;
  end: number;
  /** The liability coverages under which crash claims are made: BI and PD (personal) or CSL for both (commercial). */
  bi: Coverage | null;
  pd: Coverage | null;
  drivers: readonly Driver[];
  /** The epoch day each driver joined the term. */
  driverAdded: readonly number[];
  vehicles: readonly ClaimedVehicle[];
}

/** What each peril's claim is made under, and what it is called. */
const LOSS_TYPES: Readonly<Record<Peril, LossType>> = { bi: "bodily_injury", pd: "property_damage", coll: "collision", comp: "comprehensive" };

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

/** An exponential draw of mean `mean`, in whole days. */
const expDays = (r: Random, mean: number) => Math.round(-mean * Math.log(1 - r.next()));

interface Loss {
  day: number;
  claim: Claim;
}

/**
 * The claims of a policy's current term, from the claim stream: per vehicle and peril a Poisson count
 * whose mean is ISO's frequency for the year × the term's exposure to asOf × the vehicle's risk
 * relativity ÷ the book's mean; each loss a lognormal around ISO's severity, net of the deductible and
 * within the limit; reported, handled and reserved by the rules of reference/claims.ts. Ordered by
 * loss date and numbered on the policy.
 */
export function planClaims(r: Random, policy: ClaimedPolicy, asOfDay: number): Claim[] {
  const lastDay = Math.min(policy.end - 1, asOfDay);
  const days = lastDay - policy.start + 1;
  if (days <= 0) return [];
  const year = fromEpochDay(policy.start).year;
  const frequencyYear = experienceOf(year);
  const losses: Loss[] = [];

  const lossOn = (peril: Peril, code: ClaimCoverage, coverage: Coverage, vehicle: ClaimedVehicle): Loss => {
    const day = policy.start + intBetween(r, 0, days - 1);
    const lossYear = fromEpochDay(day).year;
    const crash = peril !== "comp";
    const loss_cause: LossCause = pickWeighted(r, peril === "bi" ? INJURY_CRASH_TYPES : crash ? DAMAGE_CRASH_TYPES : COMPREHENSIVE_PERILS);
    const driver = crash ? driverOf(r, policy, vehicle, day) : null;
    const denied = (peril === "bi" || peril === "pd") && r.next() < LIABILITY_DENIED_SHARE;
    const at_fault = !crash ? null : peril === "coll" ? SINGLE_VEHICLE_CAUSES.has(loss_cause) || r.next() < COLLISION_AT_FAULT_SHARE : !denied;

    // The loss and what the coverage pays of it.
    const physical = peril === "coll" || peril === "comp";
    const mean = physical ? (grossMeanOf(peril, lossYear) * vehicle.ageFactor) / MEAN_VEHICLE_AGE_FACTOR : experienceOf(lossYear)[peril].severity;
    const gross = lognormal(r, mean, SEVERITY_SIGMA[peril]);
    const limit = peril === "bi" && coverage.limit_per_person !== null ? coverage.limit_per_person : coverage.limit_per_accident;
    const payable = denied ? 0 : cents(physical ? Math.max(0, gross - coverage.deductible!) : Math.min(gross, limit ?? gross));

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
      vehicle_id: vehicle.vehicleId,
      driver_id: driver?.driver_id ?? null,
      coverage_code: code,
      loss_type: LOSS_TYPES[peril],
      loss_cause,
      at_fault,
      loss_date: formatEpochDay(day),
      reported_date: formatEpochDay(reported),
      status: closed === null ? "open" : payable === 0 ? "closed_without_payment" : "closed",
      closed_date: closed === null ? null : formatEpochDay(closed),
      reserve_amount: reserve,
      paid_amount: paid,
    };
    return { day, claim };
  };

  for (const vehicle of policy.vehicles) {
    const exposure = (days / 365) * (vehicle.relativity / MEAN_RISK_RELATIVITY);
    for (const peril of PERILS) {
      const coverage = peril === "bi" ? policy.bi : peril === "pd" ? policy.pd : peril === "coll" ? vehicle.coll : vehicle.comp;
      if (coverage === null) continue;
      const count = poisson(r, (frequencyYear[peril].frequency / 100) * exposure);
      for (let n = 0; n < count; n++) {
        losses.push(lossOn(peril, coverage.coverage_code as ClaimCoverage, coverage, vehicle));
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

/** Who drove: the vehicle's principal driver mostly, else any listed driver on the term that day (the named insured always is). */
function driverOf(r: Random, policy: ClaimedPolicy, vehicle: ClaimedVehicle, day: number): Driver {
  const onTerm = (d: number) => policy.drivers[d]!.status === "listed" && policy.driverAdded[d]! <= day;
  if (vehicle.principal >= 0 && onTerm(vehicle.principal) && r.next() < PRINCIPAL_DRIVER_SHARE) return policy.drivers[vehicle.principal]!;
  const candidates: number[] = [];
  for (let d = 0; d < policy.drivers.length; d++) if (onTerm(d)) candidates.push(d);
  return policy.drivers[candidates.length === 0 ? 0 : candidates[intBetween(r, 0, candidates.length - 1)]!]!;
}
