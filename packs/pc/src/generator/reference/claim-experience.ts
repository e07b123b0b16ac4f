import { readReferenceText } from "./reference-files.js";

/** The perils the ISO table measures: bodily injury and property damage liability, collision, comprehensive. */
export const PERILS = ["bi", "pd", "coll", "comp"] as const;
export type Peril = (typeof PERILS)[number];

/** One year's countrywide experience of one peril: paid claims per 100 car years, and the average paid claim in US dollars. */
export interface PerilExperience {
  frequency: number;
  severity: number;
}

export type YearExperience = Readonly<Record<Peril, PerilExperience>>;

/** Parses data/claim-experience.tsv, refusing a row that is not what its header says (the table is typed in from the III's). */
export function parseClaimExperience(text: string): Map<number, YearExperience> {
  const rows = text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  const header = rows[0]?.split("\t").join(",");
  const expected = ["year", ...PERILS.flatMap((p) => [`${p}_frequency`, `${p}_severity`])].join(",");
  if (header !== expected) throw new Error(`data/claim-experience.tsv: header '${header}' is not '${expected}'`);
  const byYear = new Map<number, YearExperience>();
  for (const line of rows.slice(1)) {
    const f = line.split("\t").map(Number);
    const year = f[0]!;
    const fine = f.length === 9 && Number.isInteger(year) && !byYear.has(year) && f.slice(1).every((x) => Number.isFinite(x) && x > 0);
    if (!fine) throw new Error(`data/claim-experience.tsv: unreadable row '${line}'`);
    byYear.set(year, Object.fromEntries(PERILS.map((p, k) => [p, { frequency: f[1 + 2 * k]!, severity: f[2 + 2 * k]! }])) as Record<Peril, PerilExperience>);
  }
  const years = [...byYear.keys()];
  if (years.length === 0 || Math.max(...years) - Math.min(...years) + 1 !== years.length) throw new Error("data/claim-experience.tsv: the years must run without a gap");
  return byYear;
}

const EXPERIENCE = parseClaimExperience(readReferenceText("claim-experience.tsv"));
const YEARS = [...EXPERIENCE.keys()];
export const CLAIM_EXPERIENCE_YEARS = { first: Math.min(...YEARS), last: Math.max(...YEARS) } as const;

/** The experience of a loss year: the table's own, or its nearest year for losses before or after it (no trend is invented). */
export function experienceOf(year: number): YearExperience {
  const clamped = Math.min(CLAIM_EXPERIENCE_YEARS.last, Math.max(CLAIM_EXPERIENCE_YEARS.first, year));
  return EXPERIENCE.get(clamped)!;
}
