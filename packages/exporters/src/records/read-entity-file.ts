import type { EntitySpec } from "@sdh/schemas";
import { readTextEntityFile } from "./entity-reader.js";
import { readParquetEntityFile } from "../parquet/parquet-reader.js";
import type { DataFormat } from "./record-formats.js";

/** Any data file as a stream of records. */
export function readEntityFile(entity: EntitySpec, format: DataFormat, path: string): AsyncIterable<unknown> {
  if (format === "parquet") return readParquetEntityFile(entity, path);
  return readTextEntityFile(entity, format, path);
}
