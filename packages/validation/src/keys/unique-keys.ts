import { CompactKeySet, type KeyKind } from "./compact-key-set.js";

/** The uniqueness rules, each with how its keys pack. A sharded build checks them again across shards. */
export const UNIQUE_KEY_KINDS = {
  UNIQUE_PERSON_ID: "uuid",
  UNIQUE_LICENSE: "short-text",
  UNIQUE_LICENSE_DERIVED: "short-text",
  // Emails do not fit 21 characters: kept as 128-bit hashes (16 bytes each, not ~100 as strings).
  UNIQUE_EMAIL: "hashed-text",
  UNIQUE_VEHICLE_ID: "uuid",
  UNIQUE_VIN: "short-text",
  UNIQUE_PLATE: "short-text",
  UNIQUE_PROFILE_ID: "uuid",
} as const satisfies Record<string, KeyKind>;

export type UniqueRule = keyof typeof UNIQUE_KEY_KINDS;
export const UNIQUE_RULES = Object.keys(UNIQUE_KEY_KINDS) as UniqueRule[];

/** One key set per uniqueness rule; the person ids double as the person index's ordinals. */
export type UniqueKeys = Record<UniqueRule, CompactKeySet>;

export function createUniqueKeys(expectedPersons?: number): UniqueKeys {
  const vehicles = expectedPersons && expectedPersons * 2;
  const sized: Record<UniqueRule, number | undefined> = {
    UNIQUE_PERSON_ID: expectedPersons,
    UNIQUE_LICENSE: expectedPersons,
    UNIQUE_LICENSE_DERIVED: expectedPersons && Math.ceil(expectedPersons / 8),
    UNIQUE_EMAIL: expectedPersons,
    UNIQUE_VEHICLE_ID: vehicles,
    UNIQUE_VIN: vehicles,
    UNIQUE_PLATE: vehicles,
    UNIQUE_PROFILE_ID: expectedPersons,
  };
  return Object.fromEntries(UNIQUE_RULES.map((rule) => [rule, new CompactKeySet(UNIQUE_KEY_KINDS[rule], sized[rule])])) as UniqueKeys;
}
