import { columnsOf, type Entity, type EntitySpec } from "@sdh/schemas";
import type { Digest } from "../digest-tap.js";
import { HashingFileSink } from "../sink/hashing-file-sink.js";
import { createCsvEncoder, createJsonEncoder, csvHeader, type DataFormat } from "./record-formats.js";

export interface WrittenFile extends Digest {
  path: string;
  entity: Entity;
  format: DataFormat;
  records: number;
}

/** Writes one entity's records to one file, counting and hashing as it goes. */
export interface EntityWriter {
  /** Returns a promise only when the disk asked to wait; await it before the next write. */
  write(record: object): Promise<void> | undefined;
  /** About how many bytes are written so far; used to split files into parts. */
  readonly size: number;
  close(): Promise<WrittenFile>;
  /**
   * Gives up and resolves once the file is closed: the partial file stays for the caller, who writes
   * into a temporary folder, to remove after this.
   */
  abort(): Promise<void>;
}

export function createTextEntityWriter(spec: EntitySpec, format: "csv" | "json" | "jsonl", path: string): EntityWriter {
  const columns = columnsOf(spec);
  const entity = spec.name;
  const sink = new HashingFileSink(path);
  let records = 0;
  if (format === "csv") sink.write(csvHeader(columns));
  if (format === "json") sink.write("[");
  const csv = createCsvEncoder(columns);
  const json = createJsonEncoder(columns);
  const encode =
    format === "csv"
      ? (r: object) => csv(r as Record<string, unknown>)
      : format === "json"
        ? (r: object) => `${records === 0 ? "\n" : ",\n"}${json(r as Record<string, unknown>)}`
        : (r: object) => `${json(r as Record<string, unknown>)}\n`;
  return {
    write(record) {
      const text = encode(record);
      records++;
      return sink.write(text);
    },
    get size() {
      return sink.size;
    },
    async close() {
      if (format === "json") sink.write(records === 0 ? "]\n" : "\n]\n");
      const digest = await sink.close();
      return { path, entity, format, records, ...digest };
    },
    abort: () => sink.destroy(),
  };
}
