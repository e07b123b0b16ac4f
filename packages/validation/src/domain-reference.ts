import { STATES_BY_CODE, addYears, formatDate, parseIsoDate, postalCodeBelongsTo, templateRegex } from "@sdh/rules";

// Per-state formats from the generator's reference data. States without reference data are not
// checked for ZIP, licence or plate format: we cannot tell right from wrong there.
const LICENSE_FORMAT = new Map([...STATES_BY_CODE].map(([code, s]) => [code as string, templateRegex(s.licenseTemplate)]));
const PLATE_FORMAT = new Map([...STATES_BY_CODE].map(([code, s]) => [code as string, templateRegex(s.plateTemplate)]));

/** False only when the state has reference data and the ZIP is not among its prefixes. */
export function postalCodeFits(postalCode: string, state: string): boolean {
  return !STATES_BY_CODE.has(state as never) || postalCodeBelongsTo(postalCode, state);
}

export function licenseFits(licenseNumber: string, state: string): boolean {
  return LICENSE_FORMAT.get(state)?.test(licenseNumber) ?? true;
}

export function plateFits(plate: string, state: string): boolean {
  return PLATE_FORMAT.get(state)?.test(plate) ?? true;
}

/** The same calendar day `years` later, as YYYY-MM-DD (29 February → 28 February in common years). */
export function isoPlusYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  // Only 29 February needs the calendar; any other day exists in every year.
  if (isoDate.endsWith("-02-29") || !(year >= 1000 && year <= 9999)) return formatDate(addYears(parseIsoDate(isoDate), years));
  return `${year}${isoDate.slice(4)}`;
}
