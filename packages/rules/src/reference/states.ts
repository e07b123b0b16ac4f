import type { UsState } from "@sdh/schemas";

/**
 * The states we generate residents of, with what makes an address, a phone and a licence look local.
 *
 * Sources: population shares — US Census Bureau 2024 estimates (rounded, millions); ZIP prefixes — USPS
 * 3-digit ZIP prefix assignments (unassigned prefixes left out); area codes — NANPA assignments (a subset);
 * licence and plate formats — each state's DMV, simplified to the current standard format (licence)
 * and standard passenger series (plate), written as id-template.ts templates.
 */
export interface StateReference {
  code: UsState;
  name: string;
  population: number;
  zipPrefixes: ReadonlyArray<readonly [number, number]>;
  areaCodes: readonly string[];
  cities: readonly string[];
  licenseTemplate: string;
  plateTemplate: string;
}

export const STATES: readonly StateReference[] = [
  {
    code: "CA", name: "California", population: 39.4,
    zipPrefixes: [[900, 908], [910, 928], [930, 961]],
    areaCodes: ["213", "310", "408", "415", "510", "619", "714", "818", "916", "949"],
    cities: ["Los Angeles", "San Diego", "San Jose", "San Francisco", "Fresno", "Sacramento", "Long Beach", "Oakland"],
    licenseTemplate: "@#######", plateTemplate: "#^^^###",
  },
  {
    code: "TX", name: "Texas", population: 31.3,
    zipPrefixes: [[750, 799]],
    areaCodes: ["210", "214", "281", "512", "713", "817", "915", "972"],
    cities: ["Houston", "San Antonio", "Dallas", "Austin", "Fort Worth", "El Paso", "Arlington", "Plano"],
    licenseTemplate: "########", plateTemplate: "^^^####",
  },
  {
    code: "FL", name: "Florida", population: 23.4,
    zipPrefixes: [[320, 339], [341, 342], [344, 344], [346, 347], [349, 349]],
    areaCodes: ["305", "407", "561", "727", "813", "904", "954"],
    cities: ["Jacksonville", "Miami", "Tampa", "Orlando", "St. Petersburg", "Tallahassee", "Fort Lauderdale", "Gainesville"],
    licenseTemplate: "@############", plateTemplate: "^^^^##",
  },
  {
    code: "NY", name: "New York", population: 19.9,
    zipPrefixes: [[100, 149]],
    areaCodes: ["212", "315", "516", "518", "585", "716", "718", "914"],
    cities: ["New York", "Buffalo", "Rochester", "Yonkers", "Syracuse", "Albany", "New Rochelle", "Ithaca"],
    licenseTemplate: "#########", plateTemplate: "^^^####",
  },
  {
    code: "PA", name: "Pennsylvania", population: 13.1,
    zipPrefixes: [[150, 196]],
    areaCodes: ["215", "267", "412", "570", "610", "717", "814"],
    cities: ["Philadelphia", "Pittsburgh", "Allentown", "Erie", "Reading", "Scranton", "Lancaster", "Harrisburg"],
    licenseTemplate: "########", plateTemplate: "^^^####",
  },
  {
    code: "IL", name: "Illinois", population: 12.7,
    zipPrefixes: [[600, 629]],
    areaCodes: ["217", "309", "312", "618", "630", "773", "815", "847"],
    cities: ["Chicago", "Aurora", "Naperville", "Joliet", "Rockford", "Springfield", "Peoria", "Elgin"],
    licenseTemplate: "@###########", plateTemplate: "^^#####",
  },
  {
    code: "OH", name: "Ohio", population: 11.9,
    zipPrefixes: [[430, 459]],
    areaCodes: ["216", "330", "419", "513", "614", "937"],
    cities: ["Columbus", "Cleveland", "Cincinnati", "Toledo", "Akron", "Dayton", "Parma", "Canton"],
    licenseTemplate: "@@######", plateTemplate: "^^^####",
  },
  {
    code: "GA", name: "Georgia", population: 11.2,
    zipPrefixes: [[300, 319]],
    areaCodes: ["229", "404", "478", "678", "706", "770", "912"],
    cities: ["Atlanta", "Augusta", "Columbus", "Macon", "Savannah", "Athens", "Sandy Springs", "Roswell"],
    licenseTemplate: "#########", plateTemplate: "^^^####",
  },
  {
    code: "NC", name: "North Carolina", population: 11.0,
    zipPrefixes: [[270, 289]],
    areaCodes: ["252", "336", "704", "828", "910", "919", "980"],
    cities: ["Charlotte", "Raleigh", "Greensboro", "Durham", "Winston-Salem", "Fayetteville", "Cary", "Wilmington"],
    licenseTemplate: "############", plateTemplate: "^^^####",
  },
  {
    code: "MI", name: "Michigan", population: 10.1,
    zipPrefixes: [[480, 499]],
    areaCodes: ["231", "248", "313", "517", "586", "616", "734", "810"],
    cities: ["Detroit", "Grand Rapids", "Warren", "Sterling Heights", "Ann Arbor", "Lansing", "Flint", "Dearborn"],
    licenseTemplate: "@############", plateTemplate: "^^^####",
  },
  {
    code: "WA", name: "Washington", population: 8.0,
    zipPrefixes: [[980, 986], [988, 994]],
    areaCodes: ["206", "253", "360", "425", "509"],
    cities: ["Seattle", "Spokane", "Tacoma", "Vancouver", "Bellevue", "Kent", "Everett", "Renton"],
    licenseTemplate: "WDL*********", plateTemplate: "^^^####",
  },
  {
    code: "AZ", name: "Arizona", population: 7.6,
    zipPrefixes: [[850, 850], [852, 853], [855, 857], [859, 860], [863, 865]],
    areaCodes: ["480", "520", "602", "623", "928"],
    cities: ["Phoenix", "Tucson", "Mesa", "Chandler", "Scottsdale", "Glendale", "Gilbert", "Tempe"],
    licenseTemplate: "@########", plateTemplate: "^^^####",
  },
];

export const STATES_BY_CODE: ReadonlyMap<string, StateReference> = new Map(STATES.map((s) => [s.code, s]));

/** True when the ZIP code's 3-digit prefix is assigned to the state. */
export function postalCodeBelongsTo(postalCode: string, state: string): boolean {
  const reference = STATES_BY_CODE.get(state);
  if (!reference || !/^\d{5}$/.test(postalCode)) return false;
  const prefix = Number(postalCode.slice(0, 3));
  return reference.zipPrefixes.some(([lo, hi]) => prefix >= lo && prefix <= hi);
}
