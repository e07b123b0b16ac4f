import { ZIP_PLACE_BY_CODE, addYears, formatDate, parseIsoDate, templateRegex } from "@sdh/rules";
import { APPORTIONED_PLATE_TEMPLATE, STATES_BY_CODE, SYNTHETIC_LICENSE_TEMPLATE, SYNTHETIC_PLATE_TEMPLATE, VEHICLE_CATALOG } from "../generator/index.js";

// Per-state formats and places from the generator's reference data (packs/pc/data and packages/rules/data, public
// sources named in the pack README). States without reference data are not checked for licence or
// plate format: we cannot tell right from wrong there.
const LICENSE_FORMAT = new Map([...STATES_BY_CODE].map(([code, s]) => [code as string, templateRegex(s.licenseTemplate)]));
const PLATE_FORMAT = new Map([...STATES_BY_CODE].map(([code, s]) => [code as string, templateRegex(s.plateTemplate)]));
const SYNTHETIC_LICENSE = templateRegex(SYNTHETIC_LICENSE_TEMPLATE);
const SYNTHETIC_PLATE = templateRegex(SYNTHETIC_PLATE_TEMPLATE);
const APPORTIONED_PLATE = templateRegex(APPORTIONED_PLATE_TEMPLATE);
/** States whose licence number is derived from name and birth date and can repeat (UNIQUE_LICENSE_DERIVED). */
export const DERIVED_LICENSE_STATES: ReadonlySet<string> = new Set(["FL", "IL", "WI"]);

/** True when the ZIP code is a residential ZIP code of the state. */
export function postalCodeFits(postalCode: string, state: string): boolean {
  return ZIP_PLACE_BY_CODE.get(postalCode)?.state === state;
}

/** True when city and county are the ZIP code's (an unknown ZIP is DOMAIN_POSTAL_CODE_STATE's to report). */
export function placeFits(postalCode: string, city: string, county: string): boolean {
  const place = ZIP_PLACE_BY_CODE.get(postalCode);
  return !place || (place.city === city && place.county === county);
}

/** True when the phone's area code serves the ZIP code (an unknown ZIP is reported elsewhere). */
export function areaCodeFits(phone: string, postalCode: string): boolean {
  const place = ZIP_PLACE_BY_CODE.get(postalCode);
  return !place || place.areaCodes.includes(phone.slice(1, 4));
}

/** The state's format, or the synthetic one (config identifiers: synthetic) that no state issues. */
export function licenseFits(licenseNumber: string, state: string): boolean {
  return SYNTHETIC_LICENSE.test(licenseNumber) || (LICENSE_FORMAT.get(state)?.test(licenseNumber) ?? true);
}

export function plateFits(plate: string, state: string): boolean {
  return SYNTHETIC_PLATE.test(plate) || APPORTIONED_PLATE.test(plate) || (PLATE_FORMAT.get(state)?.test(plate) ?? true);
}

// VIN positions 1-8 → the (make, model, year, plant) of every catalogue stem that starts so, keyed by
// a number computed from the VIN's first eight characters in place: no string is cut or hashed per
// vehicle. The candidates (one, rarely a few dozen) are then compared in full.
interface StemEntry {
  prefix: string;
  make: string;
  model: string;
  year: number;
  plant: string;
}
const STEMS = new Map<number, StemEntry[]>();
for (const m of VEHICLE_CATALOG) {
  for (const [year, stems] of m.years) {
    for (const s of stems) {
      const key = prefixKey(s.prefix);
      const list = STEMS.get(key) ?? [];
      list.push({ prefix: s.prefix, make: m.make, model: m.model, year, plant: s.plant });
      STEMS.set(key, list);
    }
  }
}

/** A 32-bit hash (FNV-1a) of the first eight characters. */
function prefixKey(vin: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < 8; k++) h = Math.imul(h ^ vin.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** True when positions 1-8 and 11 of the VIN are a vPIC pattern of the make, model and model year. */
export function vinDecodes(vin: string, make: string, model: string, modelYear: number): boolean {
  const candidates = STEMS.get(prefixKey(vin));
  if (!candidates) return false;
  const plant = vin[10];
  for (const c of candidates) {
    if (c.year === modelYear && c.plant === plant && c.model === model && c.make === make && vin.startsWith(c.prefix)) return true;
  }
  return false;
}

/** The same calendar day `years` later, as YYYY-MM-DD (29 February → 28 February in common years). */
export function isoPlusYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  // Only 29 February needs the calendar; any other day exists in every year.
  if (isoDate.endsWith("-02-29") || !(year >= 1000 && year <= 9999)) return formatDate(addYears(parseIsoDate(isoDate), years));
  return `${year}${isoDate.slice(4)}`;
}
