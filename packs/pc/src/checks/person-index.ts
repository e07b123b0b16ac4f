import { FNV_OFFSET } from "./fnv.js";
import type { CompactKeySet, FailureSink } from "@sdh/validation";
import type { HouseholdIndex } from "./household-index.js";
import type { BookIndex, CoverageIndex, DriverIndex, PolicyIndex, PolicyVehicleIndex, VehicleIndex } from "./policy-index.js";
import type { PcUniqueRule } from "./pc-checks.js";

const LOB_UNKNOWN = 255;
export const LOB_CODE = { personal: 0, commercial: 1 } as const;
export const ROLE_CODE = { head: 0, spouse: 1, child: 2 } as const;

/**
 * What the vehicle and profile checks need to know of each person, in typed arrays indexed by the
 * person's ordinal in the person-id key set: ~32 bytes per person, never the records.
 */
export class PersonIndex {
  private capacity: number;
  lob: Uint8Array;
  vehicleCount: Uint32Array;
  /** FNV-1a of the vehicle summary the person's vehicles spell, built as they stream past. */
  summaryHash: Uint32Array;
  /** Mileage of the highest-mileage vehicle so far; -1 before the first. */
  primaryMileage: Int32Array;
  primaryIdHash: Uint32Array;
  /** 1 when the person is under 18 at asOf: a vehicle of theirs may not be financed or leased. */
  minor: Uint8Array;
  /** The ordinal of the person's household; -1 when it is missing. */
  household: Int32Array;
  /** household_role: 0 head, 1 spouse, 2 child, 255 unknown. */
  role: Uint8Array;
  /** Epoch days of the 18th birthday and of the licence's issue; UNKNOWN_DAY when the field broke the schema. */
  adultDay: Int32Array;
  licenceDay: Int32Array;
  /** 1 once a driver record names the person (a person is a driver on one policy at most). */
  onPolicy: Uint8Array;

  constructor(expected = 1024) {
    this.capacity = Math.max(1024, expected);
    this.lob = new Uint8Array(this.capacity);
    this.vehicleCount = new Uint32Array(this.capacity);
    this.summaryHash = new Uint32Array(this.capacity);
    this.primaryMileage = new Int32Array(this.capacity);
    this.primaryIdHash = new Uint32Array(this.capacity);
    this.minor = new Uint8Array(this.capacity);
    this.household = new Int32Array(this.capacity);
    this.role = new Uint8Array(this.capacity);
    this.adultDay = new Int32Array(this.capacity);
    this.licenceDay = new Int32Array(this.capacity);
    this.onPolicy = new Uint8Array(this.capacity);
  }

  get bytes(): number {
    return this.capacity * 32;
  }

  /** Registers the person at `ordinal` (their primary key's ordinal), of the household at `household` (-1: none). */
  add(ordinal: number, lobType: unknown, minor: boolean, household: number, role: unknown, adultDay: number, licenceDay: number): void {
    while (ordinal >= this.capacity) this.grow();
    this.household[ordinal] = household;
    this.role[ordinal] = ROLE_CODE[role as keyof typeof ROLE_CODE] ?? 255;
    this.lob[ordinal] = lobType === "personal" || lobType === "commercial" ? LOB_CODE[lobType] : LOB_UNKNOWN;
    this.summaryHash[ordinal] = FNV_OFFSET;
    this.primaryMileage[ordinal] = -1;
    this.minor[ordinal] = minor ? 1 : 0;
    this.adultDay[ordinal] = adultDay;
    this.licenceDay[ordinal] = licenceDay;
  }

  lobOf(ordinal: number): "personal" | "commercial" | null {
    const code = this.lob[ordinal];
    return code === LOB_CODE.personal ? "personal" : code === LOB_CODE.commercial ? "commercial" : null;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <T extends Uint8Array | Uint32Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.lob = widen(this.lob, (n) => new Uint8Array(n));
    this.vehicleCount = widen(this.vehicleCount, (n) => new Uint32Array(n));
    this.summaryHash = widen(this.summaryHash, (n) => new Uint32Array(n));
    this.primaryMileage = widen(this.primaryMileage, (n) => new Int32Array(n));
    this.primaryIdHash = widen(this.primaryIdHash, (n) => new Uint32Array(n));
    this.minor = widen(this.minor, (n) => new Uint8Array(n));
    this.household = widen(this.household, (n) => new Int32Array(n));
    this.role = widen(this.role, (n) => new Uint8Array(n));
    this.adultDay = widen(this.adultDay, (n) => new Int32Array(n));
    this.licenceDay = widen(this.licenceDay, (n) => new Int32Array(n));
    this.onPolicy = widen(this.onPolicy, (n) => new Uint8Array(n));
  }
}

/** What each P&C entity's checks share: where failures go, the person index and the uniqueness key sets. */
export interface ChecksContext {
  asOf: string;
  report: FailureSink;
  index: PersonIndex;
  households: HouseholdIndex;
  policies: PolicyIndex;
  drivers: DriverIndex;
  vehicles: VehicleIndex;
  policyVehicles: PolicyVehicleIndex;
  coverages: CoverageIndex;
  book: BookIndex;
  keys: Record<PcUniqueRule, CompactKeySet>;
}
