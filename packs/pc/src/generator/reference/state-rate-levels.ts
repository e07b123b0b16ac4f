import { STATE_POPULATION } from "@sdh/rules";
import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import { BOOK_STATE_PREMIUM } from "./rating-balance.js";
import { readReferenceText } from "./reference-files.js";

const STATES = new Set<string>(US_STATE_CODES);

/** Parses data/state-rate-levels.tsv (NAIC's 2023 average expenditure by state), refusing a row that is not what its header says. */
export function parseStateRateLevels(text: string): Map<UsState, number> {
  const rows = text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  if (rows[0] !== "state\tnaic_2023_average_expenditure") throw new Error(`data/state-rate-levels.tsv: unexpected header '${rows[0] ?? ""}'`);
  const amounts = new Map<UsState, number>();
  for (const line of rows.slice(1)) {
    const [state, amount, ...rest] = line.split("\t");
    if (!state || !STATES.has(state) || amounts.has(state as UsState) || rest.length > 0 || !/^\d+\.\d{2}$/.test(amount ?? "") || Number(amount) <= 0) {
      throw new Error(`data/state-rate-levels.tsv: unreadable row '${line}'`);
    }
    amounts.set(state as UsState, Number(amount));
  }
  for (const code of US_STATE_CODES) if (!amounts.has(code)) throw new Error(`data/state-rate-levels.tsv: no row for ${code}`);
  return amounts;
}

/**
 * Each state's rate level: the factor that brings the book's written premium per personal car year in the
 * state, relative to the book's countrywide figure, to NAIC's relativity for the state. It is NAIC's
 * average expenditure over the book's own premium per car year before any state level (`book`, measured:
 * the book already differs by state through each state's compulsory coverages and limits, which NAIC's
 * figures include too), scaled so that its mean over the population is 1: the book's countrywide premium
 * and claims stay where the rating balance set them. Summed in US_STATE_CODES order, so every machine
 * gets the same bits.
 */
export function stateRateFactors(naic: ReadonlyMap<UsState, number>, book: Readonly<Record<UsState, number>>, population: ReadonlyMap<UsState, number>): Map<UsState, number> {
  let weighted = 0;
  let people = 0;
  for (const code of US_STATE_CODES) {
    weighted += population.get(code)! * (naic.get(code)! / book[code]);
    people += population.get(code)!;
  }
  const mean = weighted / people;
  return new Map(US_STATE_CODES.map((code) => [code, naic.get(code)! / book[code] / mean]));
}

/** NAIC's average expenditure per insured vehicle by state, 2023, in US dollars: premium written over liability car years. */
export const NAIC_STATE_EXPENDITURE: ReadonlyMap<UsState, number> = parseStateRateLevels(readReferenceText("state-rate-levels.tsv"));

const FACTORS = stateRateFactors(NAIC_STATE_EXPENDITURE, BOOK_STATE_PREMIUM, STATE_POPULATION);

/** The rate level of a personal policy written in `state`: its premiums and its claims' frequencies are multiplied by it. */
export function stateRateLevel(state: UsState): number {
  return FACTORS.get(state)!;
}
