import type { Entity } from "@sdh/schemas";
import { readTextEntityFile } from "./entity-reader.js";
import { DataFileError } from "./data-file-error.js";
import type { DataFormat } from "./record-formats.js";

/** Any data file as a stream of records. */
export function readEntityFile(entity: Entity, format: DataFormat, path: string): AsyncIterable<unknown> {
  if (format === "parquet") throw new DataFileError(`${path}: Parquet reading is not wired yet`);
  return readTextEntityFile(entity, format, path);
}
