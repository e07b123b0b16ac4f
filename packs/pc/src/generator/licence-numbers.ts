import type { CalendarDate } from "@sdh/rules";
import type { DerivedLicence } from "./reference/states.js";
import { memoByName } from "./memo-by-name.js";
import { soundex } from "./soundex.js";

/**
 * Licence numbers of the states that compute them from the person (the Soundex-based systems used by
 * Florida, Illinois and Wisconsin, and the Soundex-prefixed numbers of Maryland, Michigan and
 * Minnesota), after the published descriptions of these systems:
 *
 * - Soundex of the surname (letter + 3 digits);
 * - FFF: first-name code — a table of common first names, else the first letter's code — plus the
 *   middle initial's code (0 when none);
 * - FL and WI: YY birth year, DDD = (month - 1) × 40 + day, + 500 for women; then an overflow digit
 *   (FL one, WI two) that a DMV raises for holders who would otherwise share a number;
 * - IL: Y YDDD with DDD = (month - 1) × 31 + day, + 600 for women;
 * - MD, MI, MN: the remaining digits are the state's sequence.
 *
 * Two persons with the same surname code, name code and birth date share everything but the overflow:
 * as at a DMV, the overflow (drawn from the person's stream here) tells them apart, and the gate warns
 * when it did not (UNIQUE_LICENSE_DERIVED).
 */

const FIRST_NAME_CODES: Record<string, number> = {
  ALBERT: 20, ALICE: 20, ANN: 40, ANNA: 40, ANNE: 40, ANNIE: 40, ARTHUR: 40, BERNARD: 80, BETTE: 80, BETTIE: 80, BETTY: 80,
  CARL: 120, CATHERINE: 120, CHARLES: 140, DAVID: 180, DOROTHY: 180, DONALD: 180, EDWARD: 220, ELIZABETH: 220, FLORENCE: 260,
  FRANK: 260, GEORGE: 300, GRACE: 300, HAROLD: 340, HARRIET: 340, HARRY: 360, HAZEL: 360, HELEN: 380, HENRY: 380, JAMES: 440,
  JANE: 440, JAYNE: 440, JEAN: 460, JOAN: 480, JOHN: 460, JOSEPH: 480, MARGARET: 560, MARTIN: 560, MARVIN: 580, MARY: 580,
  MELVIN: 600, MILDRED: 600, PATRICIA: 680, PAUL: 680, RICHARD: 740, ROBERT: 760, RUBY: 740, RUTH: 760, THELMA: 820, THOMAS: 820,
  WALTER: 900, WANDA: 900, WILLIAM: 920, WILMA: 920,
};
const FIRST_LETTER_CODES: Record<string, number> = {
  A: 0, B: 60, C: 100, D: 160, E: 200, F: 240, G: 280, H: 320, I: 400, J: 420, K: 500, L: 520, M: 540, N: 620, O: 640, P: 660,
  Q: 700, R: 720, S: 780, T: 800, U: 840, V: 860, W: 880, X: 940, Y: 960, Z: 980,
};
const MIDDLE_INITIAL_CODES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, J: 10, K: 11, L: 12, M: 13, N: 14, O: 14, P: 15, Q: 15, R: 16, S: 17,
  T: 18, U: 18, V: 18, W: 19, X: 19, Y: 19, Z: 19,
};

const ascii = (s: string) => s.normalize("NFD").replace(/[^A-Za-z]/g, "").toUpperCase();
const soundexOf = memoByName(soundex);
const asciiOf = memoByName(ascii);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The 3-digit first/middle name code. */
export function nameCode(first: string, middle: string | null): string {
  const f = asciiOf(first);
  const base = FIRST_NAME_CODES[f] ?? FIRST_LETTER_CODES[f[0] ?? "A"] ?? 0;
  const m = middle ? asciiOf(middle)[0] : undefined;
  return pad(base + (m ? MIDDLE_INITIAL_CODES[m] ?? 0 : 0), 3);
}

export interface LicenceHolder {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birth: CalendarDate;
  female: boolean;
}

/** `overflow` is a whole number ≥ 0 from the person's stream; `sequence` a number unique to the person (MD, MI, MN). */
export function derivedLicenceNumber(scheme: DerivedLicence, holder: LicenceHolder, overflow: number, sequence: number): string {
  const prefix = soundexOf(holder.lastName) + nameCode(holder.firstName, holder.middleName);
  const yy = pad(holder.birth.year % 100, 2);
  switch (scheme) {
    case "FL":
      return `${prefix}${yy}${pad((holder.birth.month - 1) * 40 + holder.birth.day + (holder.female ? 500 : 0), 3)}${overflow % 10}`;
    case "WI":
      return `${prefix}${yy}${pad((holder.birth.month - 1) * 40 + holder.birth.day + (holder.female ? 500 : 0), 3)}${pad(overflow % 100, 2)}`;
    case "IL":
      return `${prefix}${yy}${pad((holder.birth.month - 1) * 31 + holder.birth.day + (holder.female ? 600 : 0), 3)}`;
    case "SOUNDEX_SEQUENCE":
      return `${prefix}${pad(sequence % 1_000_000, 6)}`;
  }
}
