import { z } from "zod";
import type { EntitySpec } from "./pack-spec.js";
import type { PackSpec } from "./pack-spec.js";
import type { Entity } from "./snapshot-files.js";
import { CENT } from "./common.js";
import { SCHEMA_VERSION, VERSION_TAG } from "./version.js";

/** The root entity of a pack, whose records `config.records` counts and shards split: the first one declared. */
export function rootOf(pack: PackSpec): EntitySpec {
  return pack.entities[0]!;
}

/** Records per entity of a pack, every entity present (a file's `Counts` may lack entities of older schemas). */
export type EntityCounts = Record<Entity, number>;

/** One value per entity of `pack`, in the declared order: `perEntity(pack, () => 0)` is a Counts of zeros. */
export function perEntity<T>(pack: PackSpec, make: (entity: Entity, spec: EntitySpec) => T): Record<Entity, T> {
  return Object.fromEntries(pack.entities.map((e) => [e.name, make(e.name, e)])) as Record<Entity, T>;
}

/** True when `name` is an entity of `pack` (not a document kind such as "dataset"). */
export function isEntity(pack: PackSpec, name: string): boolean {
  return pack.entities.some((e) => e.name === name);
}

/** The declaration of `pack`'s entity `name`; throws for a name the pack does not declare (a caller's bug, not input). */
export function entitySpec(pack: PackSpec, name: string): EntitySpec {
  const spec = pack.entities.find((e) => e.name === name);
  if (!spec) throw new Error(`pack ${pack.name} has no entity ${name}; it declares ${pack.entities.map((e) => e.name).join(", ")}`);
  return spec;
}

/** A column's type; `decimal` is money to the cent (Money), written DECIMAL(12,2) in Parquet. */
export type ColumnType = "string" | "date" | "int" | "decimal" | "double" | "boolean";

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  description: string;
  /** The values a text column may hold, when its schema lists them (a zod enum). */
  enum?: readonly string[];
}

interface JsonSchemaProperty {
  type?: string | string[];
  format?: string;
  multipleOf?: number;
  enum?: string[];
  anyOf?: JsonSchemaProperty[];
  description?: string;
}

function typeOf(property: JsonSchemaProperty): { type: ColumnType; nullable: boolean } {
  if (property.anyOf) {
    const nonNull = property.anyOf.filter((p) => p.type !== "null");
    const inner = nonNull[0];
    if (nonNull.length !== 1 || !inner) throw new Error(`unsupported union column: ${JSON.stringify(property)}`);
    return { type: typeOf(inner).type, nullable: nonNull.length < property.anyOf.length };
  }
  // zod writes a nullable primitive without constraints (a boolean) as a list of types.
  if (Array.isArray(property.type)) {
    const nonNull = property.type.filter((t) => t !== "null");
    if (nonNull.length !== 1) throw new Error(`unsupported union column: ${JSON.stringify(property)}`);
    return { type: typeOf({ ...property, type: nonNull[0] }).type, nullable: nonNull.length < property.type.length };
  }
  if (property.type === "integer") return { type: "int", nullable: false };
  if (property.type === "number") return { type: property.multipleOf === CENT ? "decimal" : "double", nullable: false };
  if (property.type === "boolean") return { type: "boolean", nullable: false };
  if (property.type === "string") return { type: property.format === "date" ? "date" : "string", nullable: false };
  throw new Error(`unsupported column type: ${JSON.stringify(property)}`);
}

/**
 * The columns of an entity, in schema order, derived from its JSON Schema: CSV headers and Parquet
 * columns come from here, so no writer restates a field list.
 */
export function columnsOf(entity: EntitySpec): Column[] {
  const schema = recordJsonSchema(entity.schema) as { properties: Record<string, JsonSchemaProperty> };
  return Object.entries(schema.properties).map(([name, property]) => {
    const values = property.enum ?? property.anyOf?.find((p) => p.enum)?.enum;
    return { name, ...typeOf(property), description: property.description ?? "", ...(values ? { enum: values } : {}) };
  });
}

/** A schema's stable identifier: a URN, since the schemas travel inside snapshots rather than live at a URL. */
export const schemaIdOf = (name: string) => `urn:sdh:schema:${VERSION_TAG}:${name}`;

/** JSON Schema (draft 2020-12) of an entity's records, shipped in each snapshot under `schemas/`, with its `$id` and title. */
export function jsonSchemaOf(entity: EntitySpec): Record<string, unknown> {
  const { $schema, ...rest } = recordJsonSchema(entity.schema);
  return { $schema, $id: schemaIdOf(entity.name), title: `${entity.title} (schema ${SCHEMA_VERSION})`, ...rest };
}

/** JSON Schema (draft 2020-12) of a declared record schema, as zod emits it: what compiled checks and column lists read. */
export function recordJsonSchema(schema: EntitySpec["schema"]): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
