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

/** VIN serials (positions 12-17): a letter or digit, then five digits (49 CFR 565.15). */
export const VIN_SERIALS = VIN_ALPHABET.length * 100_000;
const vinCodes = new Array<number>(17).fill(48);

/**
 * A VIN from its parts: positions 1-8 (`prefix`), the check-digit sum of positions 1-8, 10 and 11
 * (`partialSum`), the year code (10), the plant (11) and serial number `serial` in [0, VIN_SERIALS)
 * — position 12 is VIN_ALPHABET[serial / 100,000], 13-17 the remainder in five digits. Written as
 * character codes into one buffer and made a flat string at once: this runs once per vehicle.
 */
export function composeVin(prefix: string, partialSum: number, yearCode: string, plant: string, serial: number): string {
  const lead = Math.floor(serial / 100_000);
  const leadCode = VIN_ALPHABET.charCodeAt(lead);
  let digits = serial - lead * 100_000;
  let sum = partialSum + VALUE_BY_CODE[leadCode]! * WEIGHTS[11]!;
  for (let p = 16; p >= 12; p--) {
    const d = digits % 10;
    vinCodes[p] = 48 + d;
    sum += d * WEIGHTS[p]!;
    digits = (digits - d) / 10;
  }
  for (let p = 0; p < 8; p++) vinCodes[p] = prefix.charCodeAt(p);
  const remainder = sum % 11;
  vinCodes[8] = remainder === 10 ? 88 : 48 + remainder; // 'X' or the digit
  vinCodes[9] = yearCode.charCodeAt(0);
  vinCodes[10] = plant.charCodeAt(0);
  vinCodes[11] = leadCode;
  return String.fromCharCode.apply(null, vinCodes);
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
