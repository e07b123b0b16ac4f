import type { UsState } from "@sdh/schemas";
import { weighted, type WeightedTable } from "../sampling.js";
import { readReferenceText } from "./reference-files.js";

/**
 * Residential ZIP codes of the 50 states and DC with their USPS city, county, Census 2010 population
 * and the area codes that serve them (data/zips.tsv, built by reference-build/build-places.ts).
 */
export interface ZipPlace {
  zip: string;
  state: UsState;
  city: string;
  county: string;
  population: number;
  areaCodes: readonly string[];
}

function load(): ZipPlace[] {
  const places: ZipPlace[] = [];
  for (const line of readReferenceText("zips.tsv").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [zip, state, city, county, population, areaCodes] = line.split("\t");
    places.push({ zip: zip!, state: state as UsState, city: city!, county: county!, population: Number(population), areaCodes: areaCodes!.split(" ") });
  }
  return places;
}

export const ZIP_PLACES: readonly ZipPlace[] = load();
export const ZIP_PLACE_BY_CODE: ReadonlyMap<string, ZipPlace> = new Map(ZIP_PLACES.map((p) => [p.zip, p]));

/** Per state, its ZIP codes weighted by population: a person lives in a ZIP in proportion to its residents. */
export const ZIPS_BY_STATE: ReadonlyMap<UsState, WeightedTable<ZipPlace>> = (() => {
  const byState = new Map<UsState, ZipPlace[]>();
  for (const p of ZIP_PLACES) {
    const list = byState.get(p.state) ?? [];
    list.push(p);
    byState.set(p.state, list);
  }
  return new Map([...byState].map(([state, places]) => [state, weighted(places.map((p) => [p, p.population] as const))]));
})();

/** Residents per state: the sum of its residential ZIP codes' population. */
export const STATE_POPULATION: ReadonlyMap<UsState, number> = (() => {
  const totals = new Map<UsState, number>();
  for (const p of ZIP_PLACES) totals.set(p.state, (totals.get(p.state) ?? 0) + p.population);
  return totals;
})();

/** True when the ZIP code is a residential ZIP of the state (and, when given, of the city). */
export function zipMatches(zip: string, state: string, city?: string): boolean {
  const place = ZIP_PLACE_BY_CODE.get(zip);
  return !!place && place.state === state && (city === undefined || place.city === city);
}
