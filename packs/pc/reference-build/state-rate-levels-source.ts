import { US_STATE_CODES } from "@sdh/schemas";

/**
 * packs/pc/data/state-rate-levels.tsv from NAIC's 2023 average expenditure per insured vehicle by state
 * (NAIC, 2022/2023 Auto Insurance Database Report, Table 4), as bolewood/notaquote-fyi transcribed it
 * into data/state-baselines/state-baselines.json (MIT; read from the report's PDF with two PDF tools and
 * parsed a third time, its README says). NAIC's per-state figures are quoted as facts with credit; the
 * report itself is not shipped.
 */
export const SOURCE = {
  repository: "github.com/bolewood/notaquote-fyi",
  path: "data/state-baselines/state-baselines.json",
  commit: "28b2259e9584f0b2277c8baf204b80a5862e4dca",
  sourceId: "naic-auto-db-2022-2023",
  dataYear: 2023,
  /** When the commit was read and its figures checked against NAIC's announced countrywide ones. */
  read: "2026-12-05",
} as const;

const HEADER = [
  "# NAIC's average expenditure per insured private passenger vehicle, by state, 2023: total premium",
  "# written over liability car years, in US dollars (NAIC, 2022/2023 Auto Insurance Database Report,",
  `# Table 4). As ${SOURCE.repository} transcribed it (MIT):`,
  `# ${SOURCE.path}, commit ${SOURCE.commit.slice(0, 12)}, read ${SOURCE.read}. Figures are`,
  "# quoted as facts with their source. Written by reference-build/build-state-rate-levels.ts; how rating",
  "# uses them: the pack README, \"State rate levels\".",
  "state\tnaic_2023_average_expenditure",
];

const STATES = new Set<string>(US_STATE_CODES);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * The table from the source's JSON text: one row per state in US_STATE_CODES order. Refuses a file that
 * is not the one described: another data year or source, a state missing or unknown, a row of another
 * source, or an average expenditure that is not a positive amount in dollars and cents.
 */
export function stateRateLevelsTsv(json: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new Error(`the source is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(doc) || doc.dataYear !== SOURCE.dataYear || !Array.isArray(doc.sources) || !doc.sources.some((s) => isRecord(s) && s.id === SOURCE.sourceId) || !isRecord(doc.states)) {
    throw new Error(`the source is not NAIC's ${SOURCE.dataYear} figures by state: it needs dataYear ${SOURCE.dataYear}, a source '${SOURCE.sourceId}' and a 'states' object`);
  }
  const states = doc.states;
  const unknown = Object.keys(states).filter((code) => !STATES.has(code));
  if (unknown.length > 0) throw new Error(`the source names states this table does not know: ${unknown.join(", ")}`);
  const rows = US_STATE_CODES.map((code) => {
    const row = states[code];
    if (!isRecord(row)) throw new Error(`the source has no row for ${code}`);
    if (row.sourceId !== SOURCE.sourceId) throw new Error(`${code}'s row comes from '${String(row.sourceId)}', not '${SOURCE.sourceId}'`);
    const amount = row.averageExpenditure;
    if (typeof amount !== "number" || !(amount > 0) || Math.round(amount * 100) / 100 !== amount) throw new Error(`${code}'s averageExpenditure is not an amount in dollars and cents: ${JSON.stringify(amount)}`);
    return `${code}\t${amount.toFixed(2)}`;
  });
  return `${[...HEADER, ...rows].join("\n")}\n`;
}
