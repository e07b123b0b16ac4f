import { z } from "zod";
import { Person } from "../person.js";
import { Profile } from "../profile.js";
import { Manifest } from "../snapshot-files.js";
import { SCHEMA_VERSION } from "../version.js";
import { Vehicle } from "../vehicle.js";

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
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
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
    const inner = nonNull?.length === 1 ? { ...nonNull[0], description: property.description, default: property.default } : property;
    const nullable = (property.anyOf?.length ?? 0) > (nonNull?.length ?? 0);
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
  if (s.type === "string" && s.format && NAMED_FORMATS.has(s.format)) return s.format;
  return s.type ?? "any";
}

function constraintsOf(s: JsonSchema): string {
  const parts: string[] = [];
  const values = s.enum ?? (s.type === "array" ? s.items?.enum : undefined);
  if (values) parts.push(values.length > 12 ? `one of ${values.length} values: ${values.slice(0, 6).join(", ")}, …` : `one of ${values.join(", ")}`);
  if (s.const !== undefined) parts.push(`always ${JSON.stringify(s.const)}`);
  const numeric = s.type === "array" ? (s.items ?? {}) : s;
  if (numeric.minimum !== undefined && numeric.minimum !== -SAFE) parts.push(`≥ ${numeric.minimum}`);
  if (numeric.maximum !== undefined && numeric.maximum !== SAFE) parts.push(`≤ ${numeric.maximum}`);
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
  person: unknown;
  vehicle: unknown;
  profile: unknown;
  manifest: unknown;
}

/** The data dictionary as Markdown, generated from the zod schemas; `governance/data-dictionary.md` is this text. */
export function renderDataDictionary(examples: DictionaryExamples): string {
  const sections: Array<[string, string, z.ZodType, unknown]> = [
    ["Person", "`persons_v0_2.*`: one record per person, the policyholder or driver.", Person, examples.person],
    ["Vehicle", "`vehicles_v0_2.*`: the vehicles each person owns (`owner_person_id`).", Vehicle, examples.vehicle],
    ["Profile", "`profiles_v0_2.*`: one profile per person, derived from the person and their vehicles.", Profile, examples.profile],
    ["Manifest", "`snapshot_manifest_v0_2.json`: the snapshot's table of contents, written last. Its field names are public API.", Manifest, examples.manifest],
  ];
  return `# Data dictionary (schema ${SCHEMA_VERSION})

Generated from the zod schemas in \`packages/schemas\` by \`pnpm docs:dictionary\`. Do not edit by hand:
a test fails when this file differs from the schemas. The examples are the first records of the
committed demo samples (\`data/demo_samples/v0.2\`, seed 42) and an example manifest that the same
test checks against the schema.

- **type**: \`string\`, \`integer\`, \`number\`, \`boolean\`, \`date\` (YYYY-MM-DD), \`date-time\`
  (ISO 8601, UTC), \`uuid\`, \`email\`, \`enum\` or \`list of …\`. In CSV, every value is text and
  null is an empty field. In Parquet, dates are DATE and integers INT32.
- **nullable**: whether the value may be null (JSON \`null\`, an empty CSV field, a Parquet null).

${sections.map(([title, intro, schema, example]) => `## ${title}\n\n${intro}\n\n${table(dictionaryRows(schema, example))}\n`).join("\n")}`;
}
