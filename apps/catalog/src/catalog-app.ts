import { createRequire } from "node:module";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { MANIFEST_FILE_NAME, SCHEMA_VERSION } from "@sdh/schemas";
import { contentTypeOf, LocalStore, S3Store, snapshotKey, versionPrefix } from "@sdh/storage";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { CompareParams, CompareQuery, FileParams, ListQuery, NoQuery, ProblemDetails, PUBLIC, RowsPage, RowsParams, RowsQuery, SnapshotDetail, SnapshotList, SnapshotParams, SnapshotQuery } from "./api-schemas.js";
import { registerBuildRoutes, type BuildOptions } from "./build-routes.js";
import { registerDraftRoutes, type DraftServerOptions } from "./draft-routes.js";
import { compareTwo, listCatalog, snapshotDetail } from "./catalog-queries.js";
import { Comparison } from "./compare-snapshots.js";
import type { CatalogSource } from "./catalog-sources.js";
import { ParquetPreview, parseFilters } from "./parquet-preview.js";
import { badRequest, notFound, Problem, problemResponse } from "./problem.js";
import { PageAssets } from "./page/page-assets.js";
import { registerPageRoutes } from "./page/page-routes.js";
import { findSnapshot, forClients, storeRead } from "./snapshot-reader.js";
import { VerifiedFiles } from "./verified-files.js";
import { PreviewCache, type PreviewCacheLimits } from "./preview-cache.js";
import { fileResponse } from "./file-response.js";
import { methodNotAllowed } from "./method-not-allowed.js";

export interface CatalogOptions {
  sources: CatalogSource[];
  /** Where copies of S3 Parquet files are kept for previews. */
  cacheDir: string;
  /** That folder's bounds (default 2 GiB, 7 days unused). */
  cacheLimits?: PreviewCacheLimits;
  /** Origins allowed to call the API from a browser page of theirs (none: CORS off). */
  corsOrigins?: string[];
  /** How long a presigned download link lives. */
  presignSeconds?: number;
  /** Temporal, for the build routes (none: they answer 503). */
  builds?: BuildOptions;
  /** A model provider and the session folder, for the draft routes (none: they answer 503). */
  drafts?: DraftServerOptions;
  /** The product's version, the OpenAPI document's `info.version` (`sdh serve` gives its own). */
  productVersion?: string;
}

/** This package's version: info.version when the server is not told the product's. */
const CATALOG_VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

/**
 * The repository declares no open-source licence (every package is private): the document says so, as
 * an SPDX LicenseRef (SPDX's form for a licence not on its list). OpenAPI 3.1 has `identifier`; the
 * generator's types are 3.0's, hence a named constant rather than a literal.
 */
const LICENSE = { name: "Proprietary: internal use, no licence granted", identifier: "LicenseRef-sdh-proprietary" };

const problems = { 400: "Bad request", 404: "Not found", 409: "The snapshot has no Parquet to preview", 416: "The range lies past the end of the file", 502: "A target could not be read, or holds something other than its manifest says", 503: "A target cannot be reached" } as const;
const problemResponses = (...codes: Array<keyof typeof problems>) =>
  Object.fromEntries(codes.map((code) => [code, { description: problems[code], content: { "application/problem+json": { schema: ProblemDetails } } }]));

/** The catalog over the served targets: the API (Hono, its OpenAPI 3.1 document generated from its zod schemas) and the page. */
export function createCatalogApp({ sources, cacheDir, cacheLimits, corsOrigins = [], presignSeconds = 300, builds, drafts, productVersion = CATALOG_VERSION }: CatalogOptions) {
  const verified = new VerifiedFiles();
  const preview = new ParquetPreview(new PreviewCache(cacheDir, cacheLimits), verified);
  const app = new OpenAPIHono({
    // A request that fails its schema is a 400 problem naming the field, never a 500.
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, badRequest(result.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ")));
      return undefined;
    },
  });
  if (corsOrigins.length) app.use("*", cors({ origin: corsOrigins }));
  app.onError((error, c) => {
    if (error instanceof Problem) return problemResponse(c, error);
    // Hono's own refusals: a response made by a middleware (auth) as it is, else a problem with its status.
    if (error instanceof HTTPException) return error.res ?? problemResponse(c, new Problem(error.status as ContentfulStatusCode, error.status === 400 ? "Bad request" : "Refused", error.message, error.status === 400 ? "bad-request" : "refused"));
    // A fault of ours: the client gets no internals, the log (stderr, a JSON line as serve's others) gets all of it.
    console.error(JSON.stringify({ time: new Date().toISOString(), level: "ERROR", msg: "request failed", method: c.req.method, path: new URL(c.req.url).pathname, error: error.stack ?? String(error) }));
    return problemResponse(c, new Problem(500, "Internal error", "the server failed to answer; its log has the details", "internal"));
  });
  // A path served under other methods is a 405 naming them (Allow), not a 404.
  app.notFound((c) => methodNotAllowed(app, c) ?? problemResponse(c, notFound(`no route ${c.req.method} ${new URL(c.req.url).pathname}; see /openapi.json`)));
  app.use("/snapshots/:id/files/:path", etag());

  app.openapi(
    createRoute({ method: "get", path: "/snapshots", operationId: "listSnapshots", tags: ["snapshots"], ...PUBLIC, summary: "Committed snapshots, newest first, with latest marked", request: { query: ListQuery }, responses: { 200: { description: "A page of snapshots", content: { "application/json": { schema: SnapshotList } } }, ...problemResponses(400, 502) } }),
    async (c) => c.json(await listCatalog(sources, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({ method: "get", path: "/snapshots/{id}", operationId: "getSnapshot", tags: ["snapshots"], ...PUBLIC, summary: "A snapshot: manifest, validation and quality reports, dataset descriptor", request: { params: SnapshotParams, query: SnapshotQuery }, responses: { 200: { description: "The snapshot", content: { "application/json": { schema: SnapshotDetail } } }, ...problemResponses(400, 404, 502) } }),
    async (c) => c.json(await snapshotDetail(sources, c.req.valid("param").id, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({ method: "get", path: "/snapshots/{id}/entities/{entity}/rows", operationId: "previewRows", tags: ["snapshots"], ...PUBLIC, summary: "A page of an entity's records, read from the published Parquet", request: { params: RowsParams, query: RowsQuery }, responses: { 200: { description: "Rows with the columns' types", content: { "application/json": { schema: RowsPage } } }, ...problemResponses(400, 404, 409, 502) } }),
    async (c) => {
      const { id, entity } = c.req.valid("param");
      const { limit, offset, filter, ...where } = c.req.valid("query");
      const found = await findSnapshot(sources, id, where);
      return c.json(await preview.rows(found, entity, { limit, offset, filters: parseFilters(filter === undefined ? [] : [filter].flat()) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/snapshots/{id}/files/{path}",
      operationId: "downloadFile",
      tags: ["snapshots"],
      ...PUBLIC,
      summary: "Download a file of the snapshot: a stream from a folder target, a redirect to a presigned link on S3",
      request: { params: FileParams, query: SnapshotQuery },
      responses: { 200: { description: "The file's bytes (Accept-Ranges: bytes), checked against the manifest's size and sha256 before they are sent; ETag and X-Checksum-SHA256 carry its sha256" }, 302: { description: "A presigned S3 link (valid a few minutes); the server does not read S3 objects, so `sdh pull` (or the client) checks the bytes against X-Checksum-SHA256" }, 206: { description: "The byte range asked for (Range: bytes=a-b), from a folder target" }, 304: { description: "Not modified (If-None-Match: the ETag, a list of them, or *)" }, ...problemResponses(400, 404, 416, 502) },
    }),
    async (c) => {
      const { id, path } = c.req.valid("param");
      const found = await findSnapshot(sources, id, c.req.valid("query"));
      // Only what the manifest lists (or the manifest itself) is served: no other path can be named.
      const file = found.manifest.files.find((f) => f.path === path);
      if (!file && path !== MANIFEST_FILE_NAME) throw notFound(`snapshot ${id} has no file '${path.slice(0, 120)}'; its manifest lists its files`);
      const key = snapshotKey(id, path, found.version);
      const headers: Record<string, string> = { "content-type": contentTypeOf(path) };
      if (file) {
        // If-None-Match (lists, weak tags, *) is hono's etag middleware's, registered above.
        headers.etag = `"${file.sha256}"`;
        headers["x-checksum-sha256"] = file.sha256;
        headers["repr-digest"] = `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`;
      }
      const store = found.source.store;
      if (store instanceof S3Store) return c.body(null, 302, { ...headers, location: await store.presignedUrl(key, presignSeconds) });
      if (!(store instanceof LocalStore)) throw new Problem(502, "Unsupported target", `cannot serve files of target ${found.source.name}`, "unsupported-target");
      if (!file) {
        // The manifest itself: the document just read and checked, sent as read.
        const text = await storeRead(found.source, () => store.readText(key));
        if (!text) throw notFound(`snapshot ${id} has no manifest`);
        return c.body(text.value, 200, headers);
      }
      const { handle } = await verified.open(found, file);
      return fileResponse(c, handle, file.bytes, headers);
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/snapshots/{id}/compare/{other}", operationId: "compareSnapshots", tags: ["snapshots"], ...PUBLIC, summary: "What changed between two snapshots: counts, and per column null rates, distinct values, mean shifts and top-value shares", request: { params: CompareParams, query: CompareQuery }, responses: { 200: { description: "The comparison", content: { "application/json": { schema: Comparison } } }, ...problemResponses(400, 404, 502) } }),
    async (c) => {
      const { id, other } = c.req.valid("param");
      return c.json(await compareTwo(sources, id, other, c.req.valid("query")), 200);
    },
  );

  registerBuildRoutes(app, sources, builds);
  registerDraftRoutes(app, drafts);
  registerPageRoutes(app, { sources, preview, assets: new PageAssets(), builds, drafts });

  const plain = (description: string) => ({ description, content: { "text/plain": { schema: z.string() } } });
  app.openapi(createRoute({ method: "get", path: "/healthz", operationId: "health", tags: ["health"], ...PUBLIC, summary: "Alive: the process answers (a liveness probe)", request: { query: NoQuery }, responses: { 200: plain("ok"), ...problemResponses(400) } }), (c) => c.text("ok\n", 200));
  // Ready when every target answers a listing: a target the server cannot read makes it not ready.
  app.openapi(createRoute({ method: "get", path: "/readyz", operationId: "ready", tags: ["health"], ...PUBLIC, summary: "Ready: every served target can be listed (a readiness probe)", request: { query: NoQuery }, responses: { 200: plain("ready"), ...problemResponses(400, 503) } }), async (c) => {
    const failing: string[] = [];
    await Promise.all(
      sources.map((s) =>
        s.store.listChildren(versionPrefix()).catch((error: unknown) => {
          failing.push(`${s.name}: ${forClients(s, error instanceof Error ? error.message : String(error))}`);
        }),
      ),
    );
    if (failing.length) throw new Problem(503, "Not ready", `targets not readable: ${failing.join("; ")}`, "not-ready");
    return c.text("ready\n", 200);
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Synthetic Data Hub catalog", version: productVersion, license: LICENSE, description: `Published snapshots (schema ${SCHEMA_VERSION}): list, read, preview and download; builds for operators. Errors are RFC 9457 problem details.` },
    servers: [{ url: "/", description: "This server" }],
    tags: [
      { name: "snapshots", description: "Published snapshots: read-only" },
      { name: "builds", description: "Snapshot builds through Temporal; POST routes need the bearer token" },
      { name: "health", description: "Probes" },
    ],
  });
  return { app, close: () => preview.close() };
}

