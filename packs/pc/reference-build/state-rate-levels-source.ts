import { US_STATE_CODES, type UsState } from "@sdh/schemas";

/**
 * packs/pc/data/state-rate-levels.tsv from FiveThirtyEight's compilation of NAIC figures: the file
 * bad-drivers/bad-drivers.csv of github.com/fivethirtyeight/data (data sets under CC BY 4.0). Its column
 * "Car Insurance Premiums ($)" is NAIC's combined average premium per insured vehicle by state for 2011
 * (the column's source, in the folder's README: "National Association of Insurance Commissioners, 2011").
 */
export const SOURCE_COMMIT = "070fa8c5016af8f1c4b4887a6fcff8f67e4c7b59";
const PREMIUM_COLUMN = "Car Insurance Premiums ($)";

/** USPS names of the states and DC, as the source spells them. */
export const STATE_NAMES: Readonly<Record<UsState, string>> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois",
  IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland",
  MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
  NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York",
  NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania",
  RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
};

const HEADER = [
  "# NAIC's combined average premium per insured private passenger vehicle, by state, 2011: liability +",
  "# collision + comprehensive, in US dollars (NAIC, Auto Insurance Database Report 2011/2012). As",
  "# FiveThirtyEight compiled it: github.com/fivethirtyeight/data, bad-drivers/bad-drivers.csv, column",
  `# "${PREMIUM_COLUMN}", commit ${SOURCE_COMMIT.slice(0, 12)} (data sets under CC BY 4.0). Figures are`,
  "# quoted as facts with their source. Written by reference-build/build-state-rate-levels.ts; how rating",
  "# uses them: the pack README, \"State rate levels\".",
  "state\tnaic_2011_combined_premium",
];

/**
 * The table from the source's CSV text: one row per state in US_STATE_CODES order. Refuses a file that is
 * not the one described: a missing column, a state missing, unknown or twice, or a premium that is not a
 * positive amount in cents.
 */
export function stateRateLevelsTsv(csv: string): string {
  const lines = csv.replace(/\r\n/g, "\n").split("\n").filter((line) => line !== "");
  const columns = (lines[0] ?? "").split(",");
  const stateAt = columns.indexOf("State");
  const premiumAt = columns.indexOf(PREMIUM_COLUMN);
  if (stateAt < 0 || premiumAt < 0) throw new Error(`the source has no 'State' and '${PREMIUM_COLUMN}' columns (its header: '${lines[0] ?? ""}')`);
  const codeOf = new Map(Object.entries(STATE_NAMES).map(([code, name]) => [name, code as UsState]));
  const premiums = new Map<UsState, string>();
  for (const line of lines.slice(1)) {
    const fields = line.split(",");
    const name = fields[stateAt] ?? "";
    const premium = fields[premiumAt] ?? "";
    const code = codeOf.get(name);
    if (!code) throw new Error(`the source names a state this table does not know: '${name}'`);
    if (premiums.has(code)) throw new Error(`the source lists ${name} twice`);
    if (fields.length !== columns.length || !/^\d+(\.\d{1,2})?$/.test(premium) || Number(premium) <= 0) throw new Error(`${name}'s premium is not an amount in dollars and cents: '${premium}'`);
    premiums.set(code, Number(premium).toFixed(2));
  }
  const missing = US_STATE_CODES.filter((code) => !premiums.has(code));
  if (missing.length > 0) throw new Error(`the source has no premium for ${missing.join(", ")}`);
  return `${[...HEADER, ...US_STATE_CODES.map((code) => `${code}\t${premiums.get(code)}`)].join("\n")}\n`;
}
