import type { UsState } from "@sdh/schemas";
import type { Coverage, CoverageCode, LobType, Vehicle } from "../schemas/index.js";
import type { Random } from "@sdh/rules";
import { COLL_DEDUCTIBLES, COMMERCIAL_CSL, COMP_DEDUCTIBLES, COMPREHENSIVE_ONLY_SHARE, FINANCED_MAX_DEDUCTIBLE, LIABILITY_TIERS, MEDPAY_LIMITS, MEDPAY_SHARE, OFFERED_PIP_SHARE, OPTIONAL_UM_SHARE, PIP_CHOICES, RENTAL_LIMITS, RENTAL_SHARE, TOWING_LIMITS, TOWING_SHARE, physicalDamageShare } from "./reference/coverages.js";
import { FEDERAL_INTERSTATE_MINIMUM, stateMinimumOn } from "./reference/state-minimums.js";
import { pickWeighted } from "@sdh/rules";

/** What a policy's coverages are chosen from. */
export interface CoveredPolicy {
  lob: LobType;
  state: UsState;
  /** The term's effective date (epoch day): the state minimums in force on it apply. */
  effectiveDay: number;
  vehicles: ReadonlyArray<Pick<Vehicle, "ownership" | "model_year" | "plate_type">>;
}

/**
 * A policy's coverages: those of the whole policy (liability, UM, PIP, medical payments), then each
 * vehicle's. The records themselves, terms filled in; the policy rule sets their ids and premiums.
 */
export interface CoveragePlan {
  line: Coverage[];
  perVehicle: Coverage[][];
}

/** A coverage record with its terms, in the schema's field order (one shape for every record); ids and premium come later. */
const terms = (coverage_code: CoverageCode, limit_per_person: number | null, limit_per_accident: number | null, limit_per_day: number | null = null, deductible: number | null = null): Coverage => ({
  coverage_id: "",
  policy_id: "",
  policy_vehicle_id: null,
  coverage_code,
  limit_per_person,
  limit_per_accident,
  limit_per_day,
  deductible,
  premium: 0,
});

/**
 * Chooses a policy's coverages from the coverage stream: at or above the minimums of its state's statutes
 * on its effective date (data/state-minimums.tsv), PIP where the state requires it, physical damage on
 * every financed or leased vehicle. `asOfYear` dates the vehicles for physical damage.
 */
export function planCoverages(r: Random, policy: CoveredPolicy, asOfYear: number): CoveragePlan {
  const min = stateMinimumOn(policy.state, policy.effectiveDay);
  const commercial = policy.lob === "commercial";
  const line: Coverage[] = [];

  if (commercial) {
    const interstate = policy.vehicles.some((v) => v.plate_type === "apportioned");
    let csl = pickWeighted(r, COMMERCIAL_CSL);
    if (interstate && csl < FEDERAL_INTERSTATE_MINIMUM) csl = 1_000_000;
    line.push(terms("CSL", null, Math.max(csl, min.biPerAccident + min.pd)));
    if (min.umPerPerson > 0 || r.next() < OPTIONAL_UM_SHARE) line.push(terms("UM", null, csl));
  } else {
    const [tierPerson, tierAccident, tierPd] = pickWeighted(r, LIABILITY_TIERS);
    // A tier under the state's minimum is raised to it; the minimum tier in a state without compulsory BI (Florida) has none.
    const [perPerson, perAccident] = tierPerson >= min.biPerPerson && tierAccident >= min.biPerAccident ? [tierPerson, tierAccident] : [min.biPerPerson, min.biPerAccident];
    const liability = perPerson > 0;
    if (liability) line.push(terms("BI", perPerson, perAccident));
    line.push(terms("PD", null, Math.max(tierPd, min.pd)));
    // UM at the liability limits (never less than the state's UM minimum where it is compulsory).
    if (liability && (min.umPerPerson > 0 || r.next() < OPTIONAL_UM_SHARE)) {
      line.push(terms("UM", Math.max(perPerson, min.umPerPerson), Math.max(perAccident, min.umPerAccident)));
    }
  }

  let pip = false;
  if (min.pip === "required") {
    const choices = PIP_CHOICES[policy.state];
    // 0 = unlimited benefits by law (Michigan before its 2019 reform took effect); else a choice at or above the floor.
    const limit = min.pipLimit === 0 ? null : choices ? pickWeighted(r, choices) : min.pipLimit;
    line.push(terms("PIP", limit, null));
    pip = true;
  } else if (min.pip === "offered" && r.next() < OFFERED_PIP_SHARE) {
    line.push(terms("PIP", min.pipLimit, null));
    pip = true;
  }
  if (min.medpay > 0 || r.next() < (pip ? MEDPAY_SHARE.withPip : MEDPAY_SHARE.withoutPip)) {
    line.push(terms("MEDPAY", Math.max(pickWeighted(r, MEDPAY_LIMITS), min.medpay), null));
  }

  const perVehicle = policy.vehicles.map((vehicle) => {
    const own: Coverage[] = [];
    const financed = vehicle.ownership !== "owned";
    const physical = financed || r.next() < physicalDamageShare(asOfYear - vehicle.model_year);
    if (!physical) return own;
    const collision = financed || r.next() >= COMPREHENSIVE_ONLY_SHARE;
    const cap = financed ? FINANCED_MAX_DEDUCTIBLE : Infinity;
    own.push(terms("COMP", null, null, null, Math.min(pickWeighted(r, COMP_DEDUCTIBLES), cap)));
    if (collision) own.push(terms("COLL", null, null, null, Math.min(pickWeighted(r, COLL_DEDUCTIBLES), cap)));
    if (!commercial && collision && r.next() < RENTAL_SHARE) {
      const [perDay, perClaim] = pickWeighted(r, RENTAL_LIMITS);
      own.push(terms("RENTAL", null, perClaim, perDay));
    }
    if (!commercial && r.next() < TOWING_SHARE) own.push(terms("TOWING", null, pickWeighted(r, TOWING_LIMITS)));
    return own;
  });
  return { line, perVehicle };
}
