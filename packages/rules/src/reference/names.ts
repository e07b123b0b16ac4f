import { weighted, type WeightedTable } from "../sampling.js";
import { ACCENTED } from "./name-forms.js";
import { readReferenceText } from "./reference-files.js";

/**
 * First names by birth decade and sex (SSA, data/first-names.tsv) and surnames by frequency
 * (Census 2010, data/surnames.tsv), as weighted tables read once per thread.
 */
function readTsv(name: string): string[][] {
  return readReferenceText(name)
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}

/** The part of an email address a name gives: lowercase ASCII letters only (O'Keefe okeefe, García garcia). */
export function emailPartOf(name: string): string {
  return name.normalize("NFD").toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * A weighted table of names with each name's email part beside it (same index), computed once per
 * name when the table is read rather than once per person.
 */
export interface NameTable extends WeightedTable<string> {
  emailParts: readonly string[];
}

function nameTable(entries: ReadonlyArray<readonly [string, number]>): NameTable {
  const table = weighted(entries);
  return { ...table, emailParts: table.items.map(emailPartOf) };
}

const firstNames = new Map<string, Array<readonly [string, number]>>();
for (const [decade, sex, name, births] of readTsv("first-names.tsv")) {
  const key = `${decade}${sex}`;
  const list = firstNames.get(key) ?? [];
  list.push([name!, Number(births)]);
  firstNames.set(key, list);
}
const DECADES = [...new Set([...firstNames.keys()].map((k) => Number(k.slice(0, 4))))].sort((a, b) => a - b);
export const FIRST_NAME_DECADES = { first: DECADES[0]!, last: DECADES.at(-1)! };
// Indexed by decade and sex (asked once per person): [decade index × 2 + (M ? 1 : 0)].
const FIRST_NAME_TABLES: NameTable[] = DECADES.flatMap((decade) => ["F", "M"].map((sex) => nameTable(firstNames.get(`${decade}${sex}`)!)));

/** The first names given to babies of `sex` in the decade of `birthYear` (the nearest decade SSA covers). */
export function firstNamesFor(sex: "F" | "M", birthYear: number): NameTable {
  const decade = Math.min(FIRST_NAME_DECADES.last, Math.max(FIRST_NAME_DECADES.first, Math.floor(birthYear / 10) * 10));
  return FIRST_NAME_TABLES[((decade - FIRST_NAME_DECADES.first) / 10) * 2 + (sex === "M" ? 1 : 0)]!;
}

/** Every first name of SSA's tables, any decade and sex (what a learner recognises a first-name column by). */
export const ALL_FIRST_NAMES: ReadonlySet<string> = new Set(FIRST_NAME_TABLES.flatMap((t) => t.items));

/** Surnames, with each one's accented spelling beside it (same index) where it has one (name-forms.ts). */
export interface SurnameTable extends NameTable {
  accented: ReadonlyArray<string | undefined>;
}

function surnameTable(entries: ReadonlyArray<readonly [string, number]>): SurnameTable {
  const table = nameTable(entries);
  return { ...table, accented: table.items.map((name) => ACCENTED.get(name)) };
}

export const SURNAMES: SurnameTable = surnameTable(readTsv("surnames.tsv").map(([name, count]) => [name!, Number(count)] as const));

/**
 * Street names that look like streets: the most common US street names (numbered streets, trees,
 * presidents, landscape words — as counted in Census TIGER street-name tallies) and, for the rest,
 * surnames; USPS Publication 28 suffix abbreviations with rough shares. A documented rule, not data.
 */
export const COMMON_STREET_NAMES = [
  "Second", "Third", "First", "Fourth", "Park", "Fifth", "Main", "Sixth", "Oak", "Seventh", "Pine", "Maple", "Cedar", "Eighth", "Elm",
  "View", "Washington", "Ninth", "Lake", "Hill", "Walnut", "Spring", "North", "Ridge", "Church", "Willow", "Mill", "Sunset", "Railroad",
  "Jackson", "Cherry", "Highland", "Johnson", "South", "Center", "Lincoln", "Jefferson", "Forest", "Meadow", "River", "Madison",
  "Franklin", "Chestnut", "Hickory", "Dogwood", "Birch", "Poplar", "Valley", "Lakeview", "Woodland", "Green", "Adams", "College",
  "Prospect", "Broad", "Union", "School", "Market", "Front", "Water", "Liberty", "Hillside", "Orchard", "Sycamore", "Magnolia",
] as const;
export const STREET_SUFFIXES: WeightedTable<string> = weighted([
  ["St", 0.22], ["Ave", 0.14], ["Rd", 0.16], ["Dr", 0.18], ["Ln", 0.1], ["Ct", 0.07], ["Blvd", 0.02], ["Way", 0.04], ["Pl", 0.02],
  ["Cir", 0.02], ["Ter", 0.01], ["Pkwy", 0.01], ["Trl", 0.01],
]);
/** Unit designators (USPS Publication 28) for the share of persons who live in an apartment or unit. */
export const UNIT_DESIGNATORS: WeightedTable<string> = weighted([["Apt", 0.75], ["Unit", 0.17], ["#", 0.05], ["Ste", 0.03]]);
