/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { PACKS } from "@sdh/packs";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { z } from "zod";
import { recentBuilds } from "../build-list.js";
import { buildStatus, requireBuilds, scheduleList, type BuildOptions } from "../build-routes.js";
import { compareTwo, listCatalog } from "../catalog-queries.js";
import type { CatalogSource } from "../catalog-sources.js";
import { parseFilters, type ParquetPreview } from "../parquet-preview.js";
import { badRequest, Problem } from "../problem.js";
import { findSnapshot, snapshotDocuments } from "../snapshot-reader.js";
import { BuildMonitor, BuildsPage, type BuildsState } from "./builds-page.js";
import type { DraftServerOptions } from "../draft-routes.js";
import { DraftPage, type DraftPageState } from "./draft-page.js";
import { CatalogPage } from "./catalog-page.js";
import { ComparePage } from "./compare-page.js";
import { Notice } from "./components.js";
import { Layout, type Section } from "./layout.js";
import type { PageAsset, PageAssets } from "./page-assets.js";
import { buildHref } from "./page-links.js";
import { SnapshotPage } from "./snapshot-page.js";

export interface PageContext {
  sources: readonly CatalogSource[];
  preview: ParquetPreview;
  assets: PageAssets;
  builds: BuildOptions | undefined;
  drafts: DraftServerOptions | undefined;
}

/** Rows a snapshot page previews at once (the API allows up to 1,000). */
export const PAGE_PREVIEW_ROWS = 25;

// The page answers only with what it serves itself: its script and stylesheet, and fetches of this
// origin's API. No inline script or style, no frames, no other origin.
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
} as const;

const text = (name: string, max: number) => z.string().max(max, `${name} must be at most ${max} characters`).optional();
const whole = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().max(max, `${name} must be at most ${max}`))
    .optional();
const CatalogQuery = z.object({ target: text("target", 32), offset: whole("offset", 1_000_000) });
const SnapshotPageQuery = z.object({ target: text("target", 32), version: text("version", 16), entity: text("entity", 64), offset: whole("offset", 1_000_000_000), column: text("column", 64), value: text("value", 200) });
const ComparePageQuery = z.object({ from: text("from", 240), to: text("to", 240), a: text("a", 200), b: text("b", 200), target: text("target", 32), otherTarget: text("otherTarget", 32) });

/** The catalog's web page: server-rendered HTML over the same queries as the API, with charts and live progress drawn by one small script. */
export function registerPageRoutes(app: OpenAPIHono, context: PageContext): void {
  const { sources, preview, assets } = context;

  app.get("/ui/assets/style.css", (c) => serveAsset(c, assets.style));
  app.get("/ui/assets/app.js", async (c) => serveAsset(c, await assets.app()));

  app.get("/", (c) =>
    page(c, context, "catalog", "Snapshots", async () => {
      const { target, offset } = checked(CatalogQuery, c.req.query());
      const list = await listCatalog(sources, { target: target || undefined, limit: 50, offset: offset ?? 0 });
      return <CatalogPage list={list} sources={sources} target={target || undefined} />;
    }),
  );

  app.get("/ui/snapshots/:id", (c) =>
    page(c, context, "catalog", c.req.param("id"), async () => {
      const query = checked(SnapshotPageQuery, c.req.query());
      const where = { target: query.target || undefined, version: query.version || undefined };
      const found = await findSnapshot(sources, c.req.param("id"), where);
      const detail = { target: found.source.name, manifest: found.manifest, ...(await snapshotDocuments(found)) };
      const entity = query.entity ?? Object.keys(detail.manifest.counts)[0]!;
      if (!Object.hasOwn(detail.manifest.counts, entity)) throw new Problem(404, "Not found", `snapshot ${detail.manifest.snapshotId} has no entity '${entity.slice(0, 40)}'; its entities: ${Object.keys(detail.manifest.counts).join(", ")}`, "not-found");
      // A filter comes from the page's form (column, value) or from its own paging links (filter=column=value).
      const filterTexts = [...c.req.queries("filter") ?? [], ...(query.column && query.value ? [`${query.column}=${query.value}`] : [])];
      if (filterTexts.length > 8) throw badRequest("at most 8 filters");
      const filters = parseFilters(filterTexts);
      const rows = await preview.rows(found, entity, { limit: PAGE_PREVIEW_ROWS, offset: query.offset ?? 0, filters }).catch((error: unknown) => {
        // No Parquet, or a column the entity lacks: said on the page, the rest of which still stands.
        if (error instanceof Problem && error.status < 500) return { problem: error.detail };
        throw error;
      });
      return <SnapshotPage {...detail} entity={entity} preview={rows} filters={filters} />;
    }),
  );

  app.get("/ui/compare", (c) =>
    page(c, context, "compare", "Compare snapshots", async () => {
      const query = checked(ComparePageQuery, c.req.query());
      // The form sends from/to as target/snapshot; links send a, b, target and otherTarget.
      const split = (value: string | undefined) => {
        if (!value) return [undefined, undefined] as const;
        const at = value.indexOf("/");
        return at < 0 ? ([undefined, value] as const) : ([value.slice(0, at), value.slice(at + 1)] as const);
      };
      const [fromTarget, fromId] = split(query.from);
      const [toTarget, toId] = split(query.to);
      const chosen = { a: fromId ?? query.a, b: toId ?? query.b, target: fromTarget ?? query.target, otherTarget: toTarget ?? query.otherTarget };
      const choices = (await listCatalog(sources, { limit: 500, offset: 0 })).snapshots;
      if (!chosen.a && !chosen.b && choices.length >= 2) Object.assign(chosen, { a: choices[1]!.snapshotId, target: choices[1]!.target, b: choices[0]!.snapshotId, otherTarget: choices[0]!.target });
      const comparison = chosen.a && chosen.b ? await compareTwo(sources, chosen.a, chosen.b, chosen) : null;
      return <ComparePage choices={choices} chosen={chosen} comparison={comparison} />;
    }),
  );

  app.get("/ui/builds", (c) =>
    page(c, context, "builds", "Builds", async () => {
      const state: BuildsState = !context.builds ? "unavailable" : context.builds.token ? "enabled" : "disabled";
      // Both at once: with Temporal unreachable each waits out the deadline, and the page should not wait twice.
      const problemOf = (error: unknown) => {
        if (error instanceof Problem) return { problem: error.detail };
        throw error;
      };
      const [schedules, recent] = context.builds ? await Promise.all([scheduleList(context.builds).catch(problemOf), recentBuilds(context.builds, 20).catch(problemOf)]) : [null, null];
      return <BuildsPage state={state} sources={sources} packs={PACKS.map((p) => ({ name: p.spec.name, root: p.spec.entities[0]!.name }))} schedules={schedules} recent={recent} />;
    }),
  );

  app.get("/ui/draft", (c) =>
    page(c, context, "draft", "Describe it in words", async () => {
      const { drafts } = context;
      const draft: DraftPageState = !drafts ? { state: "unavailable", why: "this server was started without draft settings" } : "problem" in drafts.provider ? { state: "unavailable", why: drafts.provider.problem } : drafts.token ? { state: "enabled", provider: `${drafts.provider.kind} ${drafts.provider.model}` } : { state: "disabled" };
      return <DraftPage draft={draft} sources={sources} />;
    }),
  );

  app.get("/ui/builds/follow", (c) => {
    const id = c.req.query("id")?.trim() ?? "";
    return c.redirect(id ? buildHref(id.slice(0, 220)) : "/ui/builds", 303);
  });

  app.get("/ui/builds/:id", (c) =>
    page(c, context, "builds", `Build ${c.req.param("id")}`, async () => {
      const build = await buildStatus(requireBuilds(context.builds), c.req.param("id"));
      return <BuildMonitor build={build} cancellable={Boolean(context.builds?.token)} />;
    }),
  );
}

function checked<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const result = schema.safeParse(query);
  if (!result.success) throw badRequest(result.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "));
  return result.data;
}

/** A page: its content in the layout; a problem (bad parameter, unknown snapshot) is a page too, with its status. */
async function page(c: Context, { assets }: PageContext, section: Section, title: string, content: () => Promise<JSX.Element>): Promise<Response> {
  const links = { script: (await assets.app()).hash, style: assets.style.hash };
  let status: 200 | Problem["status"] = 200;
  let body: JSX.Element;
  try {
    body = (
      <Layout title={title.slice(0, 200)} section={section} assets={links}>
        {await content()}
      </Layout>
    );
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    status = error.status;
    body = (
      <Layout title={error.title} section={section} assets={links}>
        <Notice error>{error.detail}</Notice>
        <p>
          <a href="/">Back to the catalog</a>
        </p>
      </Layout>
    );
  }
  return c.html(`<!DOCTYPE html>${String(await body)}`, status, SECURITY_HEADERS);
}

function serveAsset(c: Context, asset: PageAsset): Response {
  const etag = `"${asset.hash}"`;
  // Links carry the hash (?v=), so a linked copy never changes: cache it for a year.
  const headers = { etag, "cache-control": c.req.query("v") === asset.hash ? "public, max-age=31536000, immutable" : "no-cache", "x-content-type-options": "nosniff" };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  return c.body(asset.body, 200, { ...headers, "content-type": asset.contentType });
}
