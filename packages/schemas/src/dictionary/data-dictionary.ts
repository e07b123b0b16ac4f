import { z } from "zod";
import type { EntitySpec, PackSpec } from "../pack-spec.js";
import { Manifest } from "../snapshot-files.js";
import { SCHEMA_VERSION, VERSION_TAG, versionedFileName } from "../version.js";

/** One field of the dictionary: a leaf of a schema, nested fields written `parent.child`, list items `list[]`. */
export interface DictionaryRow {
  field: string;
  type: string;
  nullable: boolean;
  description: string;
  constraints: string;
  example: string;
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  description?: string;
}

/** JSON numbers' safe limit: zod's `.int()` bound, which says nothing to a reader. */
const SAFE = Number.MAX_SAFE_INTEGER;
/** Formats whose own name says more than their (long) pattern. */
const NAMED_FORMATS = new Set(["date", "date-time", "uuid", "email"]);

/** The dictionary rows of a zod object schema, each with its value in `example`. */
export function dictionaryRows(schema: z.ZodType, example: unknown): DictionaryRow[] {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as JsonSchema;
  return rowsOf(json, "", example);
}

function rowsOf(schema: JsonSchema, prefix: string, example: unknown): DictionaryRow[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const field = `${prefix}${name}`;
    const value = (example as Record<string, unknown> | undefined)?.[name];
    const nonNull = property.anyOf?.filter((p) => p.type !== "null");
    // zod writes a nullable primitive without constraints (a boolean) as a list of types instead.
    const types = Array.isArray(property.type) ? property.type : null;
    const inner = nonNull?.length === 1 ? { ...nonNull[0], description: property.description, default: property.default } : types ? { ...property, type: types.find((t) => t !== "null") } : property;
    const nullable = (property.anyOf?.length ?? 0) > (nonNull?.length ?? 0) || (types?.includes("null") ?? false);
    if (inner.type === "object" && inner.properties) return rowsOf(inner, `${field}.`, value);
    if (inner.type === "array" && inner.items?.type === "object") {
      const first = Array.isArray(value) ? value[0] : undefined;
      return rowsOf(inner.items, `${field}[].`, first);
    }
    return [{ field, type: typeName(inner), nullable, description: inner.description ?? "", constraints: constraintsOf(inner), example: exampleText(value) }];
  });
}

function typeName(s: JsonSchema): string {
  if (s.enum) return "enum";
  if (s.type === "array") return `list of ${s.items ? typeName(s.items) : "values"}`;
  // A record keyed by entity (counts): its values' type.
  if (s.type === "object" && typeof s.additionalProperties === "object") return `map of ${typeName(s.additionalProperties)}`;
  if (s.type === "string" && s.format && NAMED_FORMATS.has(s.format)) return s.format;
  return Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
}

function constraintsOf(s: JsonSchema): string {
  const parts: string[] = [];
  const values = s.enum ?? (s.type === "array" ? s.items?.enum : undefined);
  if (values) parts.push(values.length > 12 ? `one of ${values.length} values: ${values.slice(0, 6).join(", ")}, …` : `one of ${values.join(", ")}`);
  if (s.const !== undefined) parts.push(`always ${JSON.stringify(s.const)}`);
  const numeric = s.type === "array" ? (s.items ?? {}) : s;
  if (numeric.minimum !== undefined && numeric.minimum !== -SAFE) parts.push(`≥ ${numeric.minimum}`);
  if (numeric.maximum !== undefined && numeric.maximum !== SAFE) parts.push(`≤ ${numeric.maximum}`);
  if (numeric.multipleOf !== undefined) parts.push(`a multiple of ${numeric.multipleOf}`);
  if (s.minLength !== undefined && s.maxLength !== undefined) parts.push(`${s.minLength}–${s.maxLength} characters`);
  else if (s.minLength !== undefined) parts.push(s.minLength === 1 ? "not empty" : `≥ ${s.minLength} characters`);
  else if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} characters`);
  if (s.minItems !== undefined) parts.push(`≥ ${s.minItems} item(s)`);
  if (s.maxItems !== undefined) parts.push(`≤ ${s.maxItems} items`);
  if (s.pattern && !(s.format && NAMED_FORMATS.has(s.format))) parts.push(`matches \`${s.pattern}\``);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join("; ");
}

function exampleText(value: unknown): string {
  if (value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function table(rows: DictionaryRow[]): string {
  const lines = ["| field | type | nullable | description | constraints | example |", "| --- | --- | --- | --- | --- | --- |"];
  for (const r of rows) lines.push(`| \`${r.field}\` | ${r.type} | ${r.nullable ? "yes" : "no"} | ${cell(r.description)} | ${cell(r.constraints)} | ${r.example ? `\`${cell(r.example)}\`` : ""} |`);
  return lines.join("\n");
}

export interface DictionaryExamples {
  /** An example record of each entity (the first of its pack's demo sample), by entity name. */
  records: Readonly<Record<string, unknown>>;
  manifest: unknown;
}

/**
 * An entity's keys in words, from its declaration (ADR 0016): its primary key, the parent it belongs to
 * and how many per parent, the references it makes, each with the gate rule that checks it.
 */
function keysOf(entity: EntitySpec, pack: readonly EntitySpec[]): string {
  const titleOf = (name: string) => (pack.find((e) => e.name === name)?.title ?? name).toLowerCase();
  const lines = [`- **Primary key** \`${entity.primaryKey}\`, unique in the snapshot (\`${entity.rules.unique}\`).`];
  const parent = entity.parent;
  if (parent) {
    const how = parent.cardinality === "one" ? `exactly one per ${titleOf(parent.entity)} (\`${parent.missingRule}\`, \`${parent.duplicateRule}\`)` : `any number per ${titleOf(parent.entity)}, none included`;
    lines.push(`- **Belongs to** a ${titleOf(parent.entity)} by \`${parent.field}\`: ${how}; built in its ${titleOf(parent.entity)}'s shard.`);
  }
  for (const fk of entity.foreignKeys) {
    lines.push(`- **References** \`${fk.field}\` → \`${fk.entity}.${fk.key}\` (checked by \`${fk.rule}\`).`);
  }
  return lines.join("\n");
}

/** The data dictionary as Markdown, generated from the zod schemas; `governance/data-dictionary.md` is this text. */
export function renderDataDictionary(packs: readonly PackSpec[], examples: DictionaryExamples): string {
  const packSections = packs.map((pack) => {
    const entities = pack.entities;
    const sections = entities.map((e) => `### ${e.title}\n\n\`${versionedFileName(e.name, "*")}\`: ${e.description}.\n\n${keysOf(e, entities)}\n\n${table(dictionaryRows(e.schema, examples.records[e.name]))}\n`);
    return `## Pack \`${pack.name}\`: ${pack.title}\n\n${pack.description} The root entity is ${entities[0]!.name}: \`records\` counts it.\n\n${sections.join("\n")}`;
  });
  const manifest = `## Manifest\n\n\`${versionedFileName("snapshot_manifest", "json")}\`: the snapshot's table of contents, written last. Its field names are public API.\n\n${table(dictionaryRows(Manifest, examples.manifest))}\n`;
  return `# Data dictionary (schema ${SCHEMA_VERSION})

Generated from the zod schemas and the entity declarations of every pack this release ships by
\`pnpm docs:dictionary\`. Do not edit by hand: a test fails when this file differs from them. The
examples are the first record of each committed demo sample (\`data/demo_samples/${VERSION_TAG}\`, seed 42) and
an example manifest that the same test checks against the schema.

- **type**: \`string\`, \`integer\`, \`number\`, \`boolean\`, \`date\` (YYYY-MM-DD), \`date-time\`
  (ISO 8601, UTC), \`uuid\`, \`email\`, \`enum\` or \`list of …\`. In CSV, every value is text and
  null is an empty field. In Parquet, dates are DATE and integers INT32.
- **nullable**: whether the value may be null (JSON \`null\`, an empty CSV field, a Parquet null).

${[...packSections, manifest].join("\n")}`;
}
