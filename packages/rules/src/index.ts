// What every pack builds people and places from (ADR 0016): seeded per-record streams, weighted sampling,
// calendar arithmetic, keyed permutations, and the public reference tables (SSA first names, Census
// surnames, USPS ZIP codes with Census populations). A pack's own record rules live in its folder.
export { createRandom, createRecordStreams, mix32, streamFromSeed, type Random, type RecordStream } from "./random.js";
export { weighted, pick, pickWeighted, pickIndex, intBetween, shareAt, type WeightedTable } from "./sampling.js";
export { givenNamesFor, type GivenNames } from "./given-names.js";
export { SURNAMES, ALL_FIRST_NAMES, COMMON_STREET_NAMES, STREET_SUFFIXES, UNIT_DESIGNATORS, type NameTable, type SurnameTable } from "./reference/names.js";
export { ACCENTED, ACCENTED_SHARE, HYPHENATED_SHARE, SUFFIXES } from "./reference/name-forms.js";
export { ZIP_PLACES, ZIP_PLACE_BY_CODE, ZIPS_BY_STATE, STATE_POPULATION, zipMatches, type ZipPlace } from "./reference/places.js";
export { RESERVED_DOMAINS, FICTIONAL_LINES } from "./contacts.js";
// The kit: one rule each for what a record that is a person, or lives somewhere, needs (issue 34).
export { residentialPlace, streetLine, streetNumberAndName, streetSuffix, unitLine, fictionalPhone, reservedEmail } from "./kit/us-address.js";
export { adultPerson, type KitPerson } from "./kit/adult-person.js";
export { AS_OF_RANGE, asOfOutsideRange, PEOPLE_FROM } from "./supported-dates.js";
export { uuidFrom } from "./uuid.js";
export { templateRegex, templateSpace, formatTemplate, compileTemplate } from "./id-template.js";
export { createPermutation } from "./permutation.js";
export {
  parseIsoDate,
  wholeYearsBetween,
  wholeYearsBetweenIso,
  wholeYearsTo,
  addYears,
  addMonths,
  addMonthsToDay,
  epochDayOf,
  epochDayOfIsoPlusYears,
  formatDate,
  formatEpochDay,
  toEpochDay,
  fromEpochDay,
  type CalendarDate,
} from "./dates.js";
