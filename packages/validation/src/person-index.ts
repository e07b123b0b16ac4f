import type { CompactKeySet } from "./keys/compact-key-set.js";
import type { UniqueKeys } from "./keys/unique-keys.js";
import { FNV_OFFSET } from "./fnv.js";
import type { FailureSink } from "./report-builder.js";

const LOB_UNKNOWN = 255;
export const LOB_CODE = { personal: 0, commercial: 1 } as const;

/**
 * What the vehicle and profile passes need to know of each person, in typed arrays indexed by the
 * person's ordinal: ~23 bytes per person plus the id table (see KeyTable), never the records.
 */
export class PersonIndex {
  readonly ids: CompactKeySet;
  private capacity: number;
  lob: Uint8Array;
  vehicleCount: Uint32Array;
  /** FNV-1a of the vehicle summary the person's vehicles spell, built as they stream past. */
  summaryHash: Uint32Array;
  /** Mileage of the highest-mileage vehicle so far; -1 before the first. */
  primaryMileage: Int32Array;
  primaryIdHash: Uint32Array;
  profiles: Uint8Array;
  /** 1-based position of the person in their entity's stream, for examples that name a person without a profile. */
  positions: Uint32Array;
  /** 1 when the person is under 18 at asOf: a vehicle of theirs may not be financed or leased. */
  minor: Uint8Array;

  /** `ids` is the person-id key set; its ordinals index the arrays. */
  constructor(ids: CompactKeySet, expected = 1024) {
    this.ids = ids;
    this.capacity = Math.max(1024, expected);
    this.lob = new Uint8Array(this.capacity);
    this.vehicleCount = new Uint32Array(this.capacity);
    this.summaryHash = new Uint32Array(this.capacity);
    this.primaryMileage = new Int32Array(this.capacity);
    this.primaryIdHash = new Uint32Array(this.capacity);
    this.profiles = new Uint8Array(this.capacity);
    this.positions = new Uint32Array(this.capacity);
    this.minor = new Uint8Array(this.capacity);
  }

  get bytes(): number {
    return this.capacity * 23;
  }

  /** Registers a person; returns their ordinal, or `-1 - ordinal` of an earlier person with the same id. */
  add(personId: string, lobType: unknown, position: number, minor = false): number {
    const ordinal = this.ids.add(personId);
    if (ordinal < 0) return ordinal;
    if (ordinal >= this.capacity) this.grow();
    this.lob[ordinal] = lobType === "personal" || lobType === "commercial" ? LOB_CODE[lobType] : LOB_UNKNOWN;
    this.summaryHash[ordinal] = FNV_OFFSET;
    this.primaryMileage[ordinal] = -1;
    this.positions[ordinal] = position;
    this.minor[ordinal] = minor ? 1 : 0;
    return ordinal;
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
    this.profiles = widen(this.profiles, (n) => new Uint8Array(n));
    this.positions = widen(this.positions, (n) => new Uint32Array(n));
    this.minor = widen(this.minor, (n) => new Uint8Array(n));
  }
}

/** What each entity's checks share: where failures go, the person index and the uniqueness key sets. */
export interface ChecksContext {
  asOf: string;
  report: FailureSink;
  index: PersonIndex;
  keys: UniqueKeys;
}
