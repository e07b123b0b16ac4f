import { en } from "@faker-js/faker";

/**
 * Name and street vocabularies from faker's `en` locale (pinned exactly, so the lists never move
 * under a seed). Read once as plain arrays: picking from them is far cheaper than faker's templates.
 */
function list(value: readonly string[] | null | undefined, what: string): readonly string[] {
  if (!value || value.length === 0) throw new Error(`faker's en locale has no ${what}`);
  return value;
}

const person = en.person!;
const firstName = person.first_name as { female?: string[]; male?: string[]; generic?: string[] };
const middleName = person.middle_name as { female?: string[]; male?: string[]; generic?: string[] };
const lastName = person.last_name as { generic?: string[] };

export const NAMES = {
  firstFemale: list(firstName.female, "female first names"),
  firstMale: list(firstName.male, "male first names"),
  firstGeneric: list(firstName.generic, "first names"),
  middleFemale: list(middleName.female, "female middle names"),
  middleMale: list(middleName.male, "male middle names"),
  middleGeneric: list(middleName.generic, "middle names"),
  last: list(lastName.generic, "last names"),
  streetSuffix: list(en.location?.street_suffix, "street suffixes"),
} as const;
