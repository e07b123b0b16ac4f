// Vehicle identification numbers per 49 CFR 565 / ISO 3779: 17 characters without I, O and Q,
// a check digit in position 9 and the model-year code in position 10.

export const VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Character code → value; -1 for characters a VIN may not contain. */
const VALUE_BY_CODE = new Int8Array(128).fill(-1);
for (let d = 0; d <= 9; d++) VALUE_BY_CODE[48 + d] = d;
for (const [ch, value] of Object.entries(TRANSLITERATION)) VALUE_BY_CODE[ch.charCodeAt(0)] = value;

/** The check digit ('0'-'9' or 'X') of a 17-character VIN; position 9 itself is ignored. */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== 17) throw new Error(`a VIN has 17 characters, '${vin}' has ${vin.length}`);
  return checkDigitOf(vinPartialSum(vin, 0));
}

// Model-year codes repeat every 30 years: A = 1980 and 2010, ..., Y = 2000 and 2030, 1 = 2001 and 2031.
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

export function modelYearCode(year: number): string {
  if (!Number.isInteger(year) || year < 1980) throw new Error(`model year ${year} has no VIN year code (from 1980)`);
  return YEAR_CODES[(year - 1980) % 30]!;
}

/** The model years a year code can stand for, nearest `around` first. */
export function yearsForCode(code: string): number[] {
  const offset = YEAR_CODES.indexOf(code);
  if (offset === -1) return [];
  return [1980 + offset, 2010 + offset, 2040 + offset];
}

/** Σ value × weight over `chars` placed from VIN position `from` (0-based): a partial check-digit sum. */
export function vinPartialSum(chars: string, from: number): number {
  let sum = 0;
  for (let k = 0; k < chars.length; k++) {
    const value = VALUE_BY_CODE[chars.charCodeAt(k)] ?? -1;
    if (value < 0) throw new Error(`'${chars[k]}' is not allowed in a VIN`);
    sum += value * WEIGHTS[from + k]!;
  }
  return sum;
}

/** The check digit for a partial sum over every position but 9. */
export function checkDigitOf(sum: number): string {
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

/** Completes a VIN: writes the check digit into position 9 of a 17-character draft. */
export function withCheckDigit(draft: string): string {
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}
