import { columnsOf, SCHEMA_VERSION, type ColumnType, type Entity, type ManifestFile, type PackSpec } from "@sdh/schemas";

// datapackage.json: a Frictionless Data Package (v1, tabular) describing the snapshot's CSV files, so
// readers that honour it (frictionless, and tools built on it) read ZIP codes as text, dates as
// dates, and an empty field as null — the CSV rule. Derived from the zod schemas, like everything else.

const FIELD_TYPE: Record<ColumnType, string> = { string: "string", date: "date", int: "integer", double: "number", boolean: "boolean" };

/** The package for a snapshot's CSV files (every part of each entity), or null when it ships no CSV. */
export function dataPackage(pack: PackSpec, snapshotId: string, files: ReadonlyArray<Pick<ManifestFile, "path" | "entity" | "format">>): Record<string, unknown> | null {
  const csvOf = (entity: Entity) => files.filter((f) => f.entity === entity && f.format === "csv").map((f) => f.path);
  if (pack.entities.every((e) => csvOf(e.name).length === 0)) return null;
  return {
    profile: "tabular-data-package",
    // Package names are lowercase: letters, digits and '-', '_', '.'.
    name: `sdh-${snapshotId.toLowerCase()}`,
    title: `Synthetic Data Hub snapshot ${snapshotId}`,
    version: SCHEMA_VERSION,
    resources: pack.entities.filter((e) => csvOf(e.name).length > 0).map((keys) => {
      const entity = keys.name;
      const paths = csvOf(entity);
      return {
        name: entity,
        profile: "tabular-data-resource",
        path: paths.length === 1 ? paths[0] : paths,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: columnsOf(keys).map((c) => ({
            name: c.name,
            type: FIELD_TYPE[c.type],
            description: c.description,
            ...(c.nullable ? {} : { constraints: { required: true } }),
          })),
          missingValues: [""],
          primaryKey: keys.primaryKey,
          foreignKeys: keys.foreignKeys
            .filter((fk) => csvOf(fk.entity).length > 0)
            .map((fk) => ({ fields: fk.field, reference: { resource: fk.entity, fields: fk.key } })),
        },
      };
    }),
  };
}

/** `sha256sum` lines (`<hex>  <path>`) for these files, sorted by path, so `sha256sum -c` checks them. */
export function sha256Sums(files: ReadonlyArray<Pick<ManifestFile, "path" | "sha256">>): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join("");
}
