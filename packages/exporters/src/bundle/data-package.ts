import { columnsOf, SCHEMA_VERSION, type Column, type ColumnType, type Entity, type EntitySpec, type ManifestFile, type OutputFormat, type PackSpec } from "@sdh/schemas";

// datapackage.json: a Frictionless Data Package (v1) describing every data file of the snapshot, so
// readers that honour it (frictionless, and tools built on it) read ZIP codes as text, dates as dates,
// an empty field as null and an enum's values as its only values. Each entity's files of each format
// are one resource: the CSV one named after the entity, the others `<entity>-json`, `<entity>-jsonl`,
// `<entity>-parquet`. CSV, JSON and JSON Lines resources carry the Table Schema (keys pointing at the
// same format's resources); a Parquet file carries its own schema (its column types), so its resource
// names the file and its media type only — frictionless reads Parquet through pandas, where a null
// integer turns into NaN and would fail a declared integer field. Derived from the zod schemas.

const FIELD_TYPE: Record<ColumnType, string> = { string: "string", date: "date", int: "integer", decimal: "number", double: "number", boolean: "boolean" };

/** How each format is described: its media type, and what a reader needs to parse it. */
const FORMATS: Readonly<Record<OutputFormat, { suffix: string; mediatype: string; extra: Record<string, unknown> }>> = {
  csv: { suffix: "", mediatype: "text/csv", extra: { encoding: "utf-8", dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true } } },
  json: { suffix: "-json", mediatype: "application/json", extra: { encoding: "utf-8" } },
  jsonl: { suffix: "-jsonl", mediatype: "application/x-ndjson", extra: { encoding: "utf-8" } },
  parquet: { suffix: "-parquet", mediatype: "application/vnd.apache.parquet", extra: {} },
};
const FORMAT_ORDER: readonly OutputFormat[] = ["csv", "json", "jsonl", "parquet"];

/** A column as a Table Schema field: its type, whether it is required, the values an enum allows, money's step. */
function fieldOf(c: Column): Record<string, unknown> {
  const constraints = { ...(c.nullable ? {} : { required: true }), ...(c.enum ? { enum: c.enum } : {}) };
  return { name: c.name, type: FIELD_TYPE[c.type], description: c.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
}

/** The package for a snapshot's data files (every part of each entity in each format), or null when it has none. */
export function dataPackage(pack: PackSpec, snapshotId: string, files: ReadonlyArray<Pick<ManifestFile, "path" | "entity" | "format">>): Record<string, unknown> | null {
  const pathsOf = (entity: Entity, format: OutputFormat) => files.filter((f) => f.entity === entity && f.format === format).map((f) => f.path);
  const resourceOf = (spec: EntitySpec, format: OutputFormat) => {
    const paths = pathsOf(spec.name, format);
    const { suffix, mediatype, extra } = FORMATS[format];
    const path = paths.length === 1 ? paths[0] : paths;
    if (format === "parquet") return { name: `${spec.name}${suffix}`, profile: "data-resource", path, format, mediatype };
    return {
      name: `${spec.name}${suffix}`,
      profile: "tabular-data-resource",
      path,
      format,
      mediatype,
      ...extra,
      schema: {
        fields: columnsOf(spec).map(fieldOf),
        missingValues: [""],
        primaryKey: spec.primaryKey,
        foreignKeys: spec.foreignKeys
          .filter((fk) => pathsOf(fk.entity, format).length > 0)
          .map((fk) => ({ fields: fk.field, reference: { resource: `${fk.entity}${suffix}`, fields: fk.key } })),
      },
    };
  };
  const resources = FORMAT_ORDER.flatMap((format) => pack.entities.filter((e) => pathsOf(e.name, format).length > 0).map((e) => resourceOf(e, format)));
  if (resources.length === 0) return null;
  return {
    // A tabular data package holds tabular resources only; Parquet's are plain data resources.
    profile: resources.some((r) => r.format === "parquet") ? "data-package" : "tabular-data-package",
    // Package names are lowercase: letters, digits and '-', '_', '.'.
    name: `sdh-${snapshotId.toLowerCase()}`,
    title: `Synthetic Data Hub snapshot ${snapshotId}`,
    version: SCHEMA_VERSION,
    resources,
  };
}

/** `sha256sum` lines (`<hex>  <path>`) for these files, sorted by path, so `sha256sum -c` checks them. */
export function sha256Sums(files: ReadonlyArray<Pick<ManifestFile, "path" | "sha256">>): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join("");
}
