import { compileRecordFunction, type Column } from "@sdh/schemas";
import { csvField, csvLine, CSV_LINE_END } from "../csv/csv-format.js";

/** The file formats a data file can have. JSON is one array per file (seed 001's bundles); JSON Lines suits large data. */
export type DataFormat = "csv" | "json" | "jsonl" | "parquet";

export type RecordEncoder = (record: Record<string, unknown>) => string;

/** Characters JSON.stringify would escape (and surrogates, which it may): strings without them are quoted as they are. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const JSON_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify's output for any value; twice as fast for the common plain string. */
function jsonValue(value: unknown): string {
  if (typeof value === "string") return JSON_ESCAPES.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value === "number") return String(value);
  return value === undefined ? "null" : JSON.stringify(value);
}

/**
 * Encodes records as JSON objects with their fields in schema order, whatever order each object was
 * built in: the bytes depend on the schema and the values only. Compiled once per schema into one
 * concatenation with static field reads; this runs for every record of every snapshot.
 */
export function createJsonEncoder(columns: readonly Column[]): RecordEncoder {
  const names = columns.map((c) => c.name);
  return compileRecordFunction<RecordEncoder>(
    names,
    (reads) => `return ${reads.map((read, i) => `${JSON.stringify(`${i === 0 ? "{" : ","}${JSON.stringify(names[i])}:`)} + json(${read})`).join(" + ")} + "}";`,
    { json: jsonValue },
  );
}

/** Encodes records as RFC 4180 lines in schema order (see csv-format.ts); compiled like createJsonEncoder. */
export function createCsvEncoder(columns: readonly Column[]): RecordEncoder {
  return compileRecordFunction<RecordEncoder>(
    columns.map((c) => c.name),
    (reads) => `return ${reads.map((read) => `csv(${read})`).join(' + "," + ')} + ${JSON.stringify(CSV_LINE_END)};`,
    { csv: csvField },
  );
}

/** One record as JSON in schema order; for a stream of records, createJsonEncoder. */
export function jsonRecord(columns: readonly Column[], record: Record<string, unknown>): string {
  return createJsonEncoder(columns)(record);
}

export function csvRecord(columns: readonly Column[], record: Record<string, unknown>): string {
  return createCsvEncoder(columns)(record);
}

export function csvHeader(columns: readonly Column[]): string {
  return csvLine(columns.map((c) => c.name));
}
