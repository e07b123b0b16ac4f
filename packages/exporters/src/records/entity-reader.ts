import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { columnsOf, type Column, type EntitySpec } from "@sdh/schemas";
import { CsvParser } from "../csv/csv-parser.js";
import { decodeField } from "./decode.js";
import { jsonArrayRecords } from "../json/json-array-reader.js";
import { DataFileError } from "./data-file-error.js";

/** Reads one CSV, JSON or JSON Lines data file as a stream of records; nothing is held but the current chunk. */
export function readTextEntityFile(entity: EntitySpec, format: "csv" | "json" | "jsonl", path: string): AsyncIterable<unknown> {
  if (format === "csv") return readCsv(columnsOf(entity), path);
  if (format === "json") return jsonArrayRecords(createReadStream(path, { encoding: "utf8" }), path);
  return readJsonLines(path);
}

async function* readCsv(columns: readonly Column[], path: string): AsyncGenerator<unknown> {
  const parser = new CsvParser();
  let layout: Array<Column | null> | null = null;
  let row = 0;
  const toRecord = (fields: string[]): unknown => {
    if (!layout) {
      layout = headerLayout(columns, fields, path);
      return undefined;
    }
    row++;
    if (fields.length !== layout.length) {
      throw new DataFileError(`${path}: record ${row} has ${fields.length} fields, the header has ${layout.length}`);
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < layout.length; i++) {
      const column = layout[i]!;
      if (column) record[column.name] = decodeField(column, fields[i]!);
    }
    return record;
  };
  try {
    for await (const chunk of createReadStream(path, { encoding: "utf8" })) {
      for (const fields of parser.feed(chunk as string)) {
        const record = toRecord(fields);
        if (record) yield record;
      }
    }
    for (const fields of parser.end()) {
      const record = toRecord(fields);
      if (record) yield record;
    }
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(`${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!layout) throw new DataFileError(`${path}: empty file; a CSV data file starts with a header row`);
}

/** Maps header positions to columns; every schema column must be there, and nothing else. */
function headerLayout(columns: readonly Column[], header: string[], path: string): Array<Column | null> {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h));
  const unknown = names.filter((n) => !byName.has(n));
  const missing = columns.filter((c) => !names.includes(c.name)).map((c) => c.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (unknown.length || missing.length || repeated.length) {
    const problems = [
      missing.length ? `missing column(s) ${missing.join(", ")}` : "",
      unknown.length ? `unknown column(s) ${unknown.join(", ")}` : "",
      repeated.length ? `repeated column(s) ${repeated.join(", ")}` : "",
    ].filter(Boolean);
    throw new DataFileError(`${path}: header has ${problems.join("; ")}; expected: ${columns.map((c) => c.name).join(",")}`);
  }
  return names.map((n) => byName.get(n) ?? null);
}

async function* readJsonLines(path: string): AsyncGenerator<unknown> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === "") continue;
    try {
      yield JSON.parse(text);
    } catch (error) {
      throw new DataFileError(`${path}: line ${line} is not JSON: ${(error as Error).message}`, { cause: error });
    }
  }
}
