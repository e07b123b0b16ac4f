import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { parseSnapshotConfig } from "@sdh/schemas";
import { LocalStore, publishSnapshot } from "@sdh/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogOpenApiDocument, CLIENT_TYPES_FILE, clientTypes } from "../scripts/client-types.js";
import { createCatalogClient, type CatalogClient } from "../src/client/catalog-client.js";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-openapi-contract-"));

// The catalog's OpenAPI document as a contract (issue 33.13): clean under Redocly's recommended
// rules, and a typed client generated from it (openapi-typescript + openapi-fetch, the client
// `@sdh/catalog/client` exports) calls the real server. Its calls are type-checked against the
// generated types by `pnpm typecheck`, so a route that drifts from the document fails twice.
describe("the catalog's OpenAPI contract", () => {
  it("lints clean under Redocly's recommended rules: no error, no warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: await catalogOpenApiDocument(), absoluteRef: "/openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`)).toEqual([]);
  });

  it("has its generated client types up to date (`pnpm api:types`)", async () => {
    expect(readFileSync(CLIENT_TYPES_FILE, "utf8"), "run `pnpm api:types` and commit apps/catalog/src/client/catalog-api-types.ts").toBe(await clientTypes());
  });

  describe("the typed client against the server", () => {
    let served: ServedCatalog;
    let catalog: CatalogClient;
    let snapshotId: string;
    beforeAll(async () => {
      const config = parseSnapshotConfig({ records: 25, seed: 5, formats: ["csv", "parquet"] });
      const out = join(tmp(), "bundle");
      snapshotId = defaultSnapshotId(config);
      await writeBundle({ config, snapshotId, out });
      const folder = tmp();
      await publishSnapshot(out, new LocalStore(folder));
      served = await serveCatalog({ sources: openSources([`local=${folder}`], {}), host: "127.0.0.1", port: 0, cacheDir: tmp() });
      catalog = createCatalogClient({ baseUrl: `http://127.0.0.1:${served.port}` });
    }, 60_000);
    afterAll(async () => {
      await served?.close();
    });

    it("lists, reads and previews with typed answers", async () => {
      const listed = await catalog.GET("/snapshots", { params: { query: { limit: 10 } } });
      expect(listed.response.status).toBe(200);
      expect(listed.data?.snapshots.map((s) => [s.target, s.snapshotId, s.latest])).toEqual([["local", snapshotId, true]]);

      const detail = await catalog.GET("/snapshots/{id}", { params: { path: { id: snapshotId }, query: { target: "local" } } });
      expect(detail.data?.manifest.snapshotId).toBe(snapshotId);
      expect(detail.data?.manifest.counts.households).toBe(25);

      const rows = await catalog.GET("/snapshots/{id}/entities/{entity}/rows", { params: { path: { id: snapshotId, entity: "households" }, query: { limit: 5, offset: 0 } } });
      expect(rows.response.status).toBe(200);
      expect(rows.data?.rows).toHaveLength(5);
      expect(rows.data?.columns.map((c) => c.name)).toContain("postal_code");

      const file = await catalog.GET("/snapshots/{id}/files/{path}", { params: { path: { id: snapshotId, path: "households_v0_9.csv" } }, parseAs: "text" });
      expect([file.response.status, file.response.headers.get("x-checksum-sha256")]).toEqual([200, detail.data?.manifest.files.find((f) => f.path === "households_v0_9.csv")?.sha256]);
      expect(file.data).toMatch(/^household_id,/);
    });

    it("gets problems as typed errors: an unknown snapshot, a misspelt query parameter, builds without Temporal", async () => {
      const missing = await catalog.GET("/snapshots/{id}", { params: { path: { id: "2026-01-01-s1-00000000" } } });
      expect([missing.response.status, missing.error?.status, missing.error?.title]).toEqual([404, 404, "Not found"]);

      // Not silently ignored: a query parameter the route does not take is named, with the ones it takes.
      const misspelt = await fetch(`http://127.0.0.1:${served.port}/snapshots?limt=5`);
      expect([misspelt.status, ((await misspelt.json()) as { detail: string }).detail]).toEqual([400, "request: unknown query parameter 'limt'; this route takes: target, version, limit, offset"]);
      const probe = await fetch(`http://127.0.0.1:${served.port}/healthz?x=1`);
      expect(probe.status).toBe(400);

      const build = await catalog.GET("/builds/{id}", { params: { path: { id: "snapshot-v0_9-x" } } });
      expect([build.response.status, build.error?.type]).toEqual([503, expect.stringContaining("builds-unavailable")]);
    });
  });
});
