import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { ManifestFile } from "@sdh/schemas";
import { LocalStore, snapshotKey } from "@sdh/storage";
import { storeRead, type FoundSnapshot } from "./snapshot-reader.js";
import { badRequest, notFound, Problem } from "./problem.js";
import type { VerifiedFiles } from "./verified-files.js";
import { ownValue } from "./own-value.js";
import type { PreviewCache } from "./preview-cache.js";

/** What a preview returns: the columns with their Parquet types, and the page of rows. */
export interface RowsPage {
  entity: string;
  columns: Array<{ name: string; type: string }>;
  rows: Array<Record<string, unknown>>;
  /** Rows matching the filter (all rows without one). */
  total: number;
  limit: number;
  offset: number;
}

export const MAX_PREVIEW_ROWS = 1_000;
/** DuckDB's share of the server: previews read pages, never whole files, so a small budget suffices. */
const DUCKDB_SETTINGS = { threads: "2", memory_limit: "256MiB" } as const;

/**
 * Row previews read from a snapshot's published Parquet files by DuckDB, which reads only the row
 * groups a page needs. A folder target's files are read where they are; an S3 target's are first
 * copied to a local cache (DuckDB's S3 support is an extension these machines cannot download) and
 * checked against the manifest's sha256 before any query sees them.
 */
export class ParquetPreview {
  private db: Promise<DuckDBInstance> | undefined;
  private readonly downloads = new Map<string, Promise<string>>();
  private readonly columns = new Map<string, Array<{ name: string; type: string }>>();

  constructor(
    private readonly cache: PreviewCache,
    private readonly verified: VerifiedFiles,
  ) {}

  async rows(found: FoundSnapshot, entity: string, { limit, offset, filters }: { limit: number; offset: number; filters: Array<[string, string]> }): Promise<RowsPage> {
    const { manifest } = found;
    if (!Object.hasOwn(manifest.counts, entity)) throw notFound(`snapshot ${manifest.snapshotId} has no entity '${entity.slice(0, 40)}'; its entities: ${Object.keys(manifest.counts).join(", ")}`);
    const files = manifest.files.filter((f) => f.entity === entity && f.format === "parquet");
    if (files.length === 0) throw new Problem(409, "No Parquet files", `snapshot ${manifest.snapshotId} was published without Parquet (formats ${manifest.config.formats.join(", ")}); previews read Parquet`, "no-parquet");
    const paths = await Promise.all(files.map((f) => this.localPath(found, f)));
    const connection = await (await this.instance()).connect();
    try {
      return await this.page(connection, found, entity, paths, { limit, offset, filters });
    } catch (error) {
      if (error instanceof Problem) throw error;
      // The files matched their manifest, yet DuckDB cannot read them: a snapshot published with bad
      // Parquet. Its message names our cache's paths, so only the files' names are passed on.
      throw new Problem(502, "Unreadable Parquet", `snapshot ${manifest.snapshotId}'s ${files.map((f) => f.path).join(", ")} could not be read as Parquet`, "unreadable-parquet");
    } finally {
      connection.closeSync();
    }
  }

  private async page(connection: DuckDBConnection, { manifest }: FoundSnapshot, entity: string, paths: string[], { limit, offset, filters }: { limit: number; offset: number; filters: Array<[string, string]> }): Promise<RowsPage> {
    const from = `read_parquet([${paths.map(quote).join(", ")}])`;
    // Published files never change: their columns are read once.
    let columns = this.columns.get(from);
    if (!columns) {
      columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
      if (this.columns.size >= 10_000) this.columns.clear();
      this.columns.set(from, columns);
    }
    const unknown = filters.filter(([column]) => !columns.some((c) => c.name === column));
    if (unknown.length) throw badRequest(`filter on unknown column(s) ${unknown.map(([c]) => `'${c.slice(0, 40)}'`).join(", ")}; ${entity} has ${columns.map((c) => c.name).join(", ")}`);
    // Columns are checked names, quoted; values are bound parameters, compared as text: no input reaches the SQL text.
    const where = filters.length ? ` WHERE ${filters.map(([column], i) => `CAST(${identifier(column)} AS VARCHAR) = $${i + 1}`).join(" AND ")}` : "";
    const values = filters.map(([, value]) => value);
    // Unfiltered, the manifest's count is the total (the gate checked the files hold exactly that many).
    const total = filters.length ? Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${from}${where}`, values)).getRowObjectsJson()[0]!.n) : ownValue(manifest.counts, entity)!;
    const rows = (await connection.runAndReadAll(`SELECT * FROM ${from}${where} LIMIT ${limit} OFFSET ${offset}`, values)).getRowObjectsJson();
    return { entity, columns, rows, total, limit, offset };
  }

  private instance(): Promise<DuckDBInstance> {
    this.db ??= DuckDBInstance.create(":memory:", DUCKDB_SETTINGS).then(async (db) => {
      // Published files never change, so their footers are parsed once, not on every page (~13 ms of
      // a 1M-row file's page). The setting belongs to the Parquet extension, loaded first.
      const connection = await db.connect();
      await connection.run("LOAD parquet; SET GLOBAL parquet_metadata_cache = true");
      connection.closeSync();
      return db;
    });
    return this.db;
  }

  /** The file on this machine: the folder target's own once it matches its manifest, or the checked copy in the cache. */
  private async localPath(found: FoundSnapshot, file: ManifestFile): Promise<string> {
    const key = snapshotKey(found.manifest.snapshotId, file.path, found.version);
    if (found.source.store instanceof LocalStore) {
      await (await this.verified.open(found, file)).handle.close();
      return found.source.store.filePath(key);
    }
    const path = join(this.cache.dir, found.source.name, key);
    let pending = this.downloads.get(path);
    if (!pending) {
      pending = this.download(found, key, file, path).finally(() => this.downloads.delete(path));
      this.downloads.set(path, pending);
    }
    return pending;
  }

  private async download(found: FoundSnapshot, key: string, file: ManifestFile, path: string): Promise<string> {
    const cached = await stat(path).catch(() => null);
    // Published files never change (a snapshot id is never reused), so a whole copy stays valid.
    if (cached?.size === file.bytes) {
      await this.cache.touch(path);
      return path;
    }
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial`;
    try {
      const got = await storeRead(found.source, () => found.source.store.download(key, partial, file.bytes));
      if (got.sha256 !== file.sha256) throw new Problem(502, "Stored file does not match its manifest", `snapshot ${found.manifest.snapshotId}'s file ${file.path} (target ${found.source.name}) has sha256 ${got.sha256}, the manifest says ${file.sha256}`, "file-mismatch");
      await rename(partial, path);
      // The cache is bounded in size and age: a new copy makes room by removing the least recently used.
      await this.cache.prune([path]);
      return path;
    } finally {
      await rm(partial, { force: true });
    }
  }

  async close(): Promise<void> {
    if (this.db) (await this.db).closeSync();
  }
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `column=value` filters from the query string, each checked for shape (the column against the file later). */
export function parseFilters(given: readonly string[]): Array<[string, string]> {
  if (given.length > 8) throw badRequest(`at most 8 filters (got ${given.length})`);
  return given.map((f) => {
    const at = f.indexOf("=");
    const column = at > 0 ? f.slice(0, at) : "";
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(column)) throw badRequest(`filter '${f.slice(0, 80)}' must be column=value with a column name such as state or vehicle_count`);
    const value = f.slice(at + 1);
    if (value.length > 200) throw badRequest(`filter ${column}: the value is longer than 200 characters`);
    return [column, value];
  });
}
