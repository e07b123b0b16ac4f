import type { UsState } from "@sdh/schemas";
import { FICTIONAL_LINES, RESERVED_DOMAINS } from "../contacts.js";
import { COMMON_STREET_NAMES, STREET_SUFFIXES, SURNAMES, UNIT_DESIGNATORS } from "../reference/names.js";
import { ZIP_PLACES, ZIPS_BY_STATE, type ZipPlace } from "../reference/places.js";
import type { Random } from "../random.js";
import { intBetween, pick, pickWeighted, weighted, type WeightedTable } from "../sampling.js";

// The kit's places and contacts (ADR 0016, issue 34): what every pack and the recipe engine give a
// record that lives somewhere — a real residential ZIP code with its USPS city, county and state, a
// street, maybe a unit, a phone on a line that serves the place, an email no one receives. One rule each,
// so a new pack composes them rather than copying another pack's code.

let everyZip: WeightedTable<ZipPlace> | undefined;

/**
 * A residential ZIP code drawn in proportion to its Census population: within `state` when given,
 * else anywhere (one table of every ZIP code, built on first use).
 */
export function residentialPlace(r: Random, state?: string): ZipPlace {
  if (state === undefined) return pickWeighted(r, (everyZip ??= weighted(ZIP_PLACES.map((p) => [p, p.population] as const))));
  const zips = ZIPS_BY_STATE.get(state as UsState);
  if (!zips) throw new Error(`no residential ZIP codes for state '${state}'`);
  return pickWeighted(r, zips);
}

/**
 * A street: a house number (up to 9,999, one in five up to 99,999), a name — a surname of four letters
 * or more for three streets in ten (Lincoln, Jackson; not "He Ct"), else a common US street name — and a
 * USPS suffix (rules; the names and suffixes are the public tables of reference/names.ts).
 */
export function streetLine(r: Random): string {
  const numberAndName = streetNumberAndName(r);
  return `${numberAndName} ${streetSuffix(r)}`;
}

/** A street's house number and name (streetLine's first part). */
export function streetNumberAndName(r: Random): string {
  const number = intBetween(r, 1, r.next() < 0.8 ? 9_999 : 99_999);
  const namedAfter = r.next() < 0.3 ? pickWeighted(r, SURNAMES) : "";
  return `${number} ${namedAfter.length >= 4 ? namedAfter : pick(r, COMMON_STREET_NAMES)}`;
}

/** A street's USPS suffix, as often as US streets carry it (streetLine's last part). */
export function streetSuffix(r: Random): string {
  return pickWeighted(r, STREET_SUFFIXES);
}

/** An apartment or unit line (Apt 12, Unit 4B; one in ten numbers up to 450) for `share` of addresses, else null (a rule). */
export function unitLine(r: Random, share: number): string | null {
  if (r.next() >= share) return null;
  return `${pickWeighted(r, UNIT_DESIGNATORS)} ${intBetween(r, 1, r.next() < 0.7 ? 40 : 450)}${r.next() < 0.2 ? "ABCD"[intBetween(r, 0, 3)] : ""}`;
}

/** A phone number on one of the place's area codes and a fictional line (555-0100 to 555-0199): it rings no one. */
export function fictionalPhone(r: Random, place: Pick<ZipPlace, "areaCodes">): string {
  return `(${pick(r, place.areaCodes)}) ${FICTIONAL_LINES[intBetween(r, 0, 99)]!}`;
}

/**
 * An email on a domain RFC 2606 reserves (mail reaches no one): first.last then `unique` (the record's
 * number, which makes it unique whatever the names) at example.com, .net or .org.
 */
export function reservedEmail(r: Random, firstPart: string, lastPart: string, unique: string | number): string {
  return `${firstPart || "x"}.${lastPart || "x"}${unique}@${pick(r, RESERVED_DOMAINS)}`;
}
