import type { Column } from "@sdh/schemas";
import { csvLine } from "../csv/csv-format.js";

/** The file formats a data file can have. JSON is one array per file (seed 001's bundles); JSON Lines suits large data. */
export type DataFormat = "csv" | "json" | "jsonl" | "parquet";

/**
 * A record as a JSON object with its fields in schema order, whatever order the object was built in:
 * the bytes depend on the schema and the values only.
 */
export function jsonRecord(columns: readonly Column[], record: Record<string, unknown>): string {
  let text = "{";
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i]!.name;
    const value = record[name];
    text += `${i === 0 ? "" : ","}${JSON.stringify(name)}:${value === undefined ? "null" : JSON.stringify(value)}`;
  }
  return `${text}}`;
}

export function csvRecord(columns: readonly Column[], record: Record<string, unknown>): string {
  return csvLine(columns.map((c) => record[c.name]));
}

export function csvHeader(columns: readonly Column[]): string {
  return csvLine(columns.map((c) => c.name));
}
