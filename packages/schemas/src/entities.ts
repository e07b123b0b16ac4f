import { z } from "zod";
import type { EntitySpec } from "./pack-spec.js";
import { PC_PACK_SPEC } from "./packs/pc.js";
import type { Entity } from "./snapshot-files.js";
import { SCHEMA_VERSION, VERSION_TAG } from "./version.js";

type PcEntities = (typeof PC_PACK_SPEC)["entities"];
type SpecOf<E extends Entity> = Extract<PcEntities[number], { name: E }>;

/** The entity whose records `config.records` counts and shards split: the first one declared. */
export const ROOT_ENTITY: Entity = PC_PACK_SPEC.entities[0].name;

/** Records per entity of the current pack, every entity present (a file's `Counts` may lack entities of older schemas). */
export type EntityCounts = Record<Entity, number>;

/** One value per entity, in the declared order: `perEntity(() => 0)` is a Counts of zeros. */
export function perEntity<T>(make: (entity: Entity) => T): Record<Entity, T> {
  return Object.fromEntries(PC_PACK_SPEC.entities.map((e) => [e.name, make(e.name)])) as Record<Entity, T>;
}

/** True when `name` is an entity of the pack (not a document kind such as "dataset"). */
export function isEntity(name: string): name is Entity {
  return PC_PACK_SPEC.entities.some((e) => e.name === name);
}

/** Each entity's declaration (ADR 0016), by name. */
export const ENTITY_SPECS = Object.fromEntries(PC_PACK_SPEC.entities.map((e) => [e.name, e])) as { [E in Entity]: SpecOf<E> };

/** The record schema of each entity, in the order they are built and listed. */
export const ENTITY_SCHEMAS = Object.fromEntries(PC_PACK_SPEC.entities.map((e) => [e.name, e.schema])) as { [E in Entity]: SpecOf<E>["schema"] };

export type EntityRecord<E extends Entity> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;

export type ColumnType = "string" | "date" | "int" | "double" | "boolean";

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  description: string;
}

interface JsonSchemaProperty {
  type?: string | string[];
  format?: string;
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
  if (property.type === "number") return { type: "double", nullable: false };
  if (property.type === "boolean") return { type: "boolean", nullable: false };
  if (property.type === "string") return { type: property.format === "date" ? "date" : "string", nullable: false };
  throw new Error(`unsupported column type: ${JSON.stringify(property)}`);
}

/**
 * The columns of an entity, in schema order, derived from its JSON Schema: CSV headers and Parquet
 * columns come from here, so no writer restates a field list.
 */
export function columnsOf(entity: Entity): Column[] {
  const schema = jsonSchemaOf(entity) as { properties: Record<string, JsonSchemaProperty> };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    ...typeOf(property),
    description: property.description ?? "",
  }));
}

/** Each entity's primary key and the references its records make to other entities (from its declaration). */
export const ENTITY_KEYS: Record<Entity, { primaryKey: string; title: string; foreignKeys: ReadonlyArray<{ field: string; entity: Entity; key: string }> }> = ENTITY_SPECS;

/** A schema's stable identifier: a URN, since the schemas travel inside snapshots rather than live at a URL. */
export const schemaIdOf = (name: string) => `urn:sdh:schema:${VERSION_TAG}:${name}`;

/** JSON Schema (draft 2020-12) of an entity's records, shipped in each snapshot under `schemas/`, with its `$id` and title. */
export function jsonSchemaOf(entity: Entity): Record<string, unknown> {
  const { $schema, ...rest } = recordJsonSchema(ENTITY_SCHEMAS[entity]);
  return { $schema, $id: schemaIdOf(entity), title: `${ENTITY_KEYS[entity].title} (schema ${SCHEMA_VERSION})`, ...rest };
}

/** JSON Schema (draft 2020-12) of a declared record schema, as zod emits it: what compiled checks and column lists read. */
export function recordJsonSchema(schema: EntitySpec["schema"]): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
