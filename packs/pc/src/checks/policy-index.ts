import { OrdinalArray } from "@sdh/validation";

/** An unknown day (the field broke the schema): rules that need it are skipped. */
export const UNKNOWN_DAY = -0x80000000;

/**
 * What the driver and policy-vehicle rules, and the whole-snapshot ones, need of each policy: typed
 * arrays indexed by the policy's ordinal, ~63 bytes per policy, never the records.
 */
export class PolicyIndex {
  /** The policy's household ordinal; -1 when missing. */
  readonly household = new OrdinalArray((n) => new Int32Array(n));
  /** Epoch days of the term's start and end (cancellation, else expiration); UNKNOWN_DAY when unreadable. */
  readonly start = new OrdinalArray((n) => new Int32Array(n));
  readonly end = new OrdinalArray((n) => new Int32Array(n));
  /** lob_type: 0 personal, 1 commercial, 255 unknown. */
  readonly lob = new OrdinalArray((n) => new Uint8Array(n));
  /** 1-based position in the policies stream, for the whole-snapshot rules' examples. */
  readonly position = new OrdinalArray((n) => new Uint32Array(n));
  /** vehicle_count, driver_count and written premium in cents as the policy says; -1 when the field broke the schema. */
  readonly declaredVehicles = new OrdinalArray((n) => new Int32Array(n));
  readonly declaredDrivers = new OrdinalArray((n) => new Int32Array(n));
  readonly declaredPremium = new OrdinalArray((n) => new Float64Array(n));
  /** Policy vehicles and drivers found on the policy, and its vehicles' premiums in cents. */
  readonly vehicles = new OrdinalArray((n) => new Uint32Array(n));
  readonly drivers = new OrdinalArray((n) => new Uint32Array(n));
  readonly premium = new OrdinalArray((n) => new Float64Array(n));
  /** The rating state as its index in US_STATE_CODES; 255 unknown. */
  readonly state = new OrdinalArray((n) => new Uint8Array(n));
  /** POLICY_FLAGS of its vehicles. */
  readonly flags = new OrdinalArray((n) => new Uint8Array(n));
  /** The line coverages found on it (LINE_COVERAGE_BITS), and all its coverages' premiums in cents. */
  readonly lineCoverages = new OrdinalArray((n) => new Uint8Array(n));
  readonly coveragePremium = new OrdinalArray((n) => new Float64Array(n));
  /** The policy number's nine digits (its claims' numbers carry them); 0 when unreadable. */
  readonly numberDigits = new OrdinalArray((n) => new Uint32Array(n));
  /** What a claim may cost its liability coverage in US dollars: BI per person, PD per accident (CSL: its single limit, both); 0 unknown. */
  readonly biLimit = new OrdinalArray((n) => new Uint32Array(n));
  readonly pdLimit = new OrdinalArray((n) => new Uint32Array(n));
  size = 0;

  get bytes(): number {
    return [this.household, this.start, this.end, this.lob, this.position, this.declaredVehicles, this.declaredDrivers, this.declaredPremium, this.vehicles, this.drivers, this.premium, this.state, this.flags, this.lineCoverages, this.coveragePremium, this.numberDigits, this.biLimit, this.pdLimit].reduce((sum, a) => sum + a.bytes, 0);
  }
}

/** What a policy's or a vehicle's flags say: financed or leased (lender needs physical damage), interstate (apportioned plate). */
export const VEHICLE_FLAGS = { financed: 1, interstate: 2 } as const;

/** Of each driver, by ordinal: its policy and person, whether it is listed (a vehicle's principal driver must be) and the day it joined. 13 bytes a driver. */
export class DriverIndex {
  /** The driver's policy and person ordinals; -1 when missing. */
  readonly policy = new OrdinalArray((n) => new Int32Array(n));
  readonly person = new OrdinalArray((n) => new Int32Array(n));
  /** 1 listed, 0 excluded or unknown. */
  readonly listed = new OrdinalArray((n) => new Uint8Array(n));
  /** Epoch day of added_date; UNKNOWN_DAY when unreadable. */
  readonly added = new OrdinalArray((n) => new Int32Array(n));

  get bytes(): number {
    return this.policy.bytes + this.person.bytes + this.listed.bytes + this.added.bytes;
  }
}

/** The coverages a claim can be made under, as codes in CoverageIndex.code (0: any other). */
export const CLAIM_COVERAGE_CODE: Readonly<Record<string, number>> = { BI: 1, PD: 2, CSL: 3, COLL: 4, COMP: 5, UM: 6, PIP: 7, MEDPAY: 8, RENTAL: 9, TOWING: 10 };
/** The coverages a vehicle holds (the others are its policy's). */
export const VEHICLE_COVERAGE_CODES: ReadonlySet<number> = new Set([CLAIM_COVERAGE_CODE.COLL!, CLAIM_COVERAGE_CODE.COMP!, CLAIM_COVERAGE_CODE.RENTAL!, CLAIM_COVERAGE_CODE.TOWING!]);

/** Of each coverage, by ordinal: its code (CLAIM_COVERAGE_CODE) and what holds it: its policy vehicle (COLL, COMP, RENTAL, TOWING) or its policy (the others). 5 bytes each. */
export class CoverageIndex {
  readonly code = new OrdinalArray((n) => new Uint8Array(n));
  /** A policy vehicle's ordinal for a vehicle's coverage, a policy's for a line coverage; -1 unknown. */
  readonly owner = new OrdinalArray((n) => new Int32Array(n));

  get bytes(): number {
    return this.code.bytes + this.owner.bytes;
  }
}

/**
 * What each person's profile says of their book and what the drivers and claims add up to, by person
 * ordinal: the counts are compared once every record is in. 12 bytes a person.
 */
export class BookIndex {
  /** 1-based position of the person's profile; 0 when none was seen. */
  readonly profile = new OrdinalArray((n) => new Uint32Array(n));
  /** policy_count and claims_count as the profile says; -1 when the field broke the schema. */
  readonly declaredPolicies = new OrdinalArray((n) => new Int16Array(n));
  readonly declaredClaims = new OrdinalArray((n) => new Int16Array(n));
  /** Driver records naming the person, and claims they drove in. */
  readonly policies = new OrdinalArray((n) => new Uint16Array(n));
  readonly claims = new OrdinalArray((n) => new Uint16Array(n));
  size = 0;

  get bytes(): number {
    return this.profile.bytes + this.declaredPolicies.bytes + this.declaredClaims.bytes + this.policies.bytes + this.claims.bytes;
  }
}

/** Of each vehicle, by ordinal: its household, whether a policy holds it already, and its VEHICLE_FLAGS. 6 bytes a vehicle. */
export class VehicleIndex {
  /** The vehicle's household ordinal; -1 when missing. */
  readonly household = new OrdinalArray((n) => new Int32Array(n));
  readonly insured = new OrdinalArray((n) => new Uint8Array(n));
  readonly flags = new OrdinalArray((n) => new Uint8Array(n));

  get bytes(): number {
    return this.household.bytes + this.insured.bytes + this.flags.bytes;
  }
}

/** Of each policy vehicle, by ordinal: its policy and vehicle, position, its vehicle's VEHICLE_FLAGS and the coverages found on it. 14 bytes each. */
export class PolicyVehicleIndex {
  /** The policy's ordinal; -1 when missing. */
  readonly policy = new OrdinalArray((n) => new Int32Array(n));
  /** 1-based position in the policy_vehicles stream, for the whole-snapshot rules' examples. */
  readonly position = new OrdinalArray((n) => new Uint32Array(n));
  readonly flags = new OrdinalArray((n) => new Uint8Array(n));
  /** VEHICLE_COVERAGE_BITS found. */
  readonly coverages = new OrdinalArray((n) => new Uint8Array(n));
  /** The vehicle's ordinal; -1 when missing. */
  readonly vehicle = new OrdinalArray((n) => new Int32Array(n));
  size = 0;

  get bytes(): number {
    return this.policy.bytes + this.position.bytes + this.flags.bytes + this.coverages.bytes + this.vehicle.bytes;
  }
}
