import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import { STATE_POPULATION } from "@sdh/rules";

/**
 * Licence and plate formats of the 50 states and DC, as id-template.ts templates ('#' digit, '@' letter,
 * '^' letter but I/O/Q, '*' letter or digit).
 *
 * Sources: licence formats — NTSI's table of US driver licence formats (as usdl-regex 1.7.3, MIT, encodes
 * it; test/states.test.ts checks every template against it), each state's current standard issue;
 * `derived` names the states whose number is computed from the surname's Soundex code, the first and
 * middle names and (FL, IL, WI) the birth date and sex (licence-numbers.ts). Plate formats — each
 * state's current standard passenger series, simplified to one pattern.
 */
export type DerivedLicence = "FL" | "IL" | "WI" | "SOUNDEX_SEQUENCE";

export interface StateReference {
  code: UsState;
  population: number;
  licenseTemplate: string;
  derived: DerivedLicence | null;
  plateTemplate: string;
}

const FORMATS: Record<UsState, readonly [licence: string, plate: string, derived?: DerivedLicence]> = {
  AL: ["########", "##^^###"], AK: ["#######", "^^^###"], AZ: ["@########", "^^^####"], AR: ["#########", "###^^^"],
  CA: ["@#######", "#^^^###"], CO: ["#########", "^^^^##"], CT: ["#########", "^^#####"], DE: ["#######", "######"],
  DC: ["#######", "^^####"], FL: ["@############", "^^^^##", "FL"], GA: ["#########", "^^^####"], HI: ["@########", "^^^###"],
  ID: ["@@######@", "#^#####"], IL: ["@###########", "^^#####", "IL"], IN: ["####-##-####", "###^^^"], IA: ["###@@####", "^^^###"],
  KS: ["@########", "###^^^"], KY: ["@########", "###^^^"], LA: ["#########", "###^^^"], ME: ["#######", "####^^"],
  MD: ["@############", "#^^####", "SOUNDEX_SEQUENCE"], MA: ["@########", "#^^^##"], MI: ["@############", "^^^####", "SOUNDEX_SEQUENCE"], MN: ["@############", "^^^###", "SOUNDEX_SEQUENCE"],
  MS: ["#########", "^^^####"], MO: ["@#########", "^^#^#^"], MT: ["#############", "#^####^"], NE: ["@########", "^^^###"],
  NV: ["##########", "###^##"], NH: ["##@@@#####", "#######"], NJ: ["@##############", "^##^^^"], NM: ["#########", "^^^###"],
  NY: ["#########", "^^^####"], NC: ["############", "^^^####"], ND: ["@@@######", "###^^^"], OH: ["@@######", "^^^####"],
  OK: ["@#########", "^^^###"], OR: ["#########", "###^^^"], PA: ["########", "^^^####"], RI: ["#######", "######"],
  SC: ["#########", "^^^###"], SD: ["#########", "#^^###"], TN: ["#########", "^^^####"], TX: ["########", "^^^####"],
  UT: ["#########", "^###^^"], VT: ["########", "^^^###"], VA: ["@########", "^^^####"], WA: ["WDL*********", "^^^####"],
  WV: ["@######", "#^^###"], WI: ["@#############", "^^^####", "WI"], WY: ["#########", "#######"],
};

export const STATES: readonly StateReference[] = US_STATE_CODES.map((code) => {
  const [licenseTemplate, plateTemplate, derived] = FORMATS[code];
  const population = STATE_POPULATION.get(code);
  if (!population) throw new Error(`no residential ZIP codes for ${code} in data/zips.tsv`);
  return { code, population, licenseTemplate: licenseTemplate.replace(/-/g, ""), derived: derived ?? null, plateTemplate };
});

export const STATES_BY_CODE: ReadonlyMap<string, StateReference> = new Map(STATES.map((s) => [s.code, s]));

/** Apportioned (IRP) plates of interstate heavy trucks: one pattern for every base state. */
export const APPORTIONED_PLATE_TEMPLATE = "AP######";
/** Synthetic identifiers (config identifiers: synthetic): no state issues these. */
export const SYNTHETIC_LICENSE_TEMPLATE = "SYN#########";
export const SYNTHETIC_PLATE_TEMPLATE = "ZZ^^###";
