import { z } from "zod";

/** USPS codes of the 50 states and DC. */
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
  "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
  "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const;
export const UsState = z.enum(US_STATE_CODES);
export type UsState = z.infer<typeof UsState>;

/** A calendar date, `YYYY-MM-DD`, with no time and no zone: the same on every machine. */
export const IsoDate = z.iso.date();

export const Uuid = z.uuid();

/** The step of an amount of money: a cent. A column of these is DECIMAL(12,2) in Parquet (columnsOf). */
export const CENT = 0.01;

/** US dollars to the cent: in JSON Schema a number that is a multiple of 0.01, in Parquet DECIMAL(12,2) (ADR 0024). */
export const Money = z.number().multipleOf(CENT);
