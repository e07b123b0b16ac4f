import { fnv1a, FNV_OFFSET } from "./fnv.js";
import { US_STATE_CODES } from "@sdh/schemas";
import { OrdinalArray } from "@sdh/validation";

const STATE_CODE = new Map<unknown, number>(US_STATE_CODES.map((code, i) => [code, i]));
/** A state's index in US_STATE_CODES, 255 for anything else: households and policies compare states as bytes. */
export const stateCode = (state: unknown): number => STATE_CODE.get(state) ?? 255;

/** The address fields a household's persons share with it, in the order they are hashed. */
export const ADDRESS_FIELDS = ["street", "address_line2", "city", "county", "state", "postal_code"] as const;

/** FNV-1a of a record's address fields, separated so that ("ab", "c") and ("a", "bc") differ. */
export function addressHash(record: Record<string, unknown>): number {
  let hash = FNV_OFFSET;
  for (const field of ADDRESS_FIELDS) hash = fnv1a(fnv1a(hash, String(record[field])), "\u0000");
  return hash;
}

/**
 * What the person, vehicle and whole-snapshot rules need to know of each household, in typed arrays
 * indexed by the household's ordinal: ~28 bytes per household, never the records.
 */
export class HouseholdIndex {
  readonly address = new OrdinalArray((n) => new Uint32Array(n));
  /** 1-based position in the households stream, for examples of the whole-snapshot rules. */
  readonly position = new OrdinalArray((n) => new Uint32Array(n));
  /** member_count and vehicle_count as the household says; -1 when the field broke the schema. */
  readonly declaredMembers = new OrdinalArray((n) => new Int32Array(n));
  readonly declaredVehicles = new OrdinalArray((n) => new Int32Array(n));
  /** Persons and vehicles found for the household, and its heads. */
  readonly members = new OrdinalArray((n) => new Uint32Array(n));
  readonly vehicles = new OrdinalArray((n) => new Uint32Array(n));
  readonly heads = new OrdinalArray((n) => new Uint8Array(n));
  /** Age of the household's head at asOf; 255 before the head is seen. */
  readonly headAge = new OrdinalArray((n) => new Uint8Array(n));
  /** lob_type: 0 personal, 1 commercial, 255 unknown. */
  readonly lob = new OrdinalArray((n) => new Uint8Array(n));
  /** The state as its index in US_STATE_CODES; 255 unknown. */
  readonly state = new OrdinalArray((n) => new Uint8Array(n));
  size = 0;

  get bytes(): number {
    return this.address.bytes + this.position.bytes + this.declaredMembers.bytes + this.declaredVehicles.bytes + this.members.bytes + this.vehicles.bytes + this.heads.bytes + this.headAge.bytes + this.lob.bytes + this.state.bytes;
  }
}
