import { z } from "zod";
import { schemaIdOf } from "./entities.js";
import { LatestPointer, Manifest } from "./snapshot-files.js";
import { SCHEMA_VERSION } from "./version.js";

/**
 * JSON Schemas (draft 2020-12) of the documents a consumer reads before any data: the manifest and
 * `latest.json`, shipped in each snapshot under `schemas/` beside the entities' schemas. The checks
 * JSON Schema cannot say (paths unique, the manifest's id its folder's) are in their descriptions and
 * in the zod schemas these come from.
 */
export const DOCUMENT_SCHEMAS = {
  manifest: { schema: Manifest, title: "Snapshot manifest" },
  latest: { schema: LatestPointer, title: "latest.json: the newest committed snapshot of a schema version" },
} as const;

export type DocumentName = keyof typeof DOCUMENT_SCHEMAS;

export function documentSchemaOf(name: DocumentName): Record<string, unknown> {
  const { schema, title } = DOCUMENT_SCHEMAS[name];
  // Output shapes, as the documents are written; the config's schemaVersion normalisation is a
  // transform JSON Schema cannot express, and is read as its output (a string).
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  return { $schema, $id: schemaIdOf(name), title: `${title} (schema ${SCHEMA_VERSION})`, ...rest };
}
