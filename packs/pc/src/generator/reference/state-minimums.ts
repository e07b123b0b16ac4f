import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import { epochDayOf } from "@sdh/rules";
import { readReferenceText } from "./reference-files.js";

/** How a state treats personal injury protection: compulsory (no-fault and add-on states), offered (may be rejected), or not written. */
export type PipRule = "required" | "offered" | "none";

/** What a policy written in a state on a day must carry, in US dollars (0 = nothing compulsory). */
export interface StateMinimum {
  state: UsState;
  /** First policy effective date (epoch day) the row applies to; -Infinity for the row in force before 2017. */
  fromDay: number;
  biPerPerson: number;
  biPerAccident: number;
  pd: number;
  /** Uninsured motorist bodily injury the policy must carry; 0 where it may be rejected. */
  umPerPerson: number;
  umPerAccident: number;
  pip: PipRule;
  /** The compulsory minimum where PIP is required, the standard amount offered where it is offered. */
  pipLimit: number;
  /** Compulsory medical payments; 0 = none. */
  medpay: number;
  citation: string;
}

const PIP_RULES = new Set<string>(["required", "offered", "none"]);
const STATES = new Set<string>(US_STATE_CODES);

/** Parses data/state-minimums.tsv, refusing a row that is not what the header says (the table is typed in from statutes). */
export function parseStateMinimums(text: string): Map<UsState, StateMinimum[]> {
  const rows = text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  const byState = new Map<UsState, StateMinimum[]>();
  for (const line of rows.slice(1)) {
    const f = line.split("\t");
    const [state, from, pip, citation] = [f[0]!, f[1]!, f[7]!, f[10]];
    const amounts = [2, 3, 4, 5, 6, 8, 9].map((i) => Number(f[i]));
    if (f.length !== 11 || !STATES.has(state) || !PIP_RULES.has(pip) || !citation || amounts.some((a) => !Number.isInteger(a) || a < 0) || !(from === "-" || /^\d{4}-\d{2}-\d{2}$/.test(from))) {
      throw new Error(`data/state-minimums.tsv: unreadable row '${line}'`);
    }
    const [biPerPerson, biPerAccident, pd, umPerPerson, umPerAccident, pipLimit, medpay] = amounts as [number, number, number, number, number, number, number];
    const row: StateMinimum = { state: state as UsState, fromDay: from === "-" ? -Infinity : epochDayOf(from), biPerPerson, biPerAccident, pd, umPerPerson, umPerAccident, pip: pip as PipRule, pipLimit, medpay, citation };
    const list = byState.get(row.state) ?? [];
    if (list.length > 0 && list.at(-1)!.fromDay >= row.fromDay) throw new Error(`data/state-minimums.tsv: ${state}'s rows are not in date order`);
    if (list.length === 0 && from !== "-") throw new Error(`data/state-minimums.tsv: ${state}'s first row must be in force before 2017 ('-')`);
    list.push(row);
    byState.set(row.state, list);
  }
  for (const code of US_STATE_CODES) if (!byState.has(code)) throw new Error(`data/state-minimums.tsv: no row for ${code}`);
  return byState;
}

const MINIMUMS = parseStateMinimums(readReferenceText("state-minimums.tsv"));

/** Every row, by state, in date order: what the pack README and its tests list. */
export const STATE_MINIMUM_ROWS: ReadonlyMap<UsState, readonly StateMinimum[]> = MINIMUMS;

/** The minimums in force for a policy of `state` effective on `day` (an epoch day). */
export function stateMinimumOn(state: UsState, day: number): StateMinimum {
  const rows = MINIMUMS.get(state)!;
  for (let k = rows.length - 1; k > 0; k--) if (rows[k]!.fromDay <= day) return rows[k]!;
  return rows[0]!;
}

/**
 * Federal minimum for a for-hire or private carrier's vehicle of 10,001 lb GVWR or more in interstate
 * commerce carrying general freight: 49 CFR §387.9. Apportioned (IRP) plates mark interstate trucks.
 */
export const FEDERAL_INTERSTATE_MINIMUM = 750_000;
