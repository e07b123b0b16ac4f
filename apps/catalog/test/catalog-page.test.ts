import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig, type Manifest, type SnapshotConfigInput } from "@sdh/schemas";
import { openStore, publishSnapshot } from "@sdh/storage";
import { createWorker } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection, type Worker } from "@temporalio/worker";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseProvider } from "@sdh/draft";
import { WireServer } from "@sdh/draft/testing";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";
import { axeViolations, collectErrors, launchChromium } from "./browser.js";

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-page-"));
const TOKEN = "catalog-page-token-91ab";
// `SDH_UPDATE_SCREENSHOTS=1` (pnpm docs:screenshots) writes the pages' pictures into the docs.
const shots = process.env.SDH_UPDATE_SCREENSHOTS === "1" ? fileURLToPath(new URL("../../../docs/images/", import.meta.url)) : tmp();
// The two-size layout pictures, to look at (SDH_LAYOUT_SHOTS=folder); not part of the docs.
const layoutShots = process.env.SDH_LAYOUT_SHOTS ?? tmp();

function s3Env() {
  const s = testServices();
  return { SDH_S3_ENDPOINT: s.s3Endpoint, AWS_REGION: s.region, AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey, SDH_S3_FORCE_PATH_STYLE: "true" };
}

async function bundle(input: SnapshotConfigInput, generatedAt: string): Promise<{ out: string; manifest: Manifest }> {
  const config = parseSnapshotConfig(input);
  const out = join(tmp(), "bundle");
  const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out, now: () => new Date(generatedAt) });
  return { out, manifest };
}

// The page in a real headless Chromium, over a target on the real S3 gateway, with builds run by a real
// worker on the real Temporal dev server.
describe("the catalog page (sdh serve) in Chromium", () => {
  let served: ServedCatalog;
  let browser: Browser;
  let context: BrowserContext;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let older: Manifest;
  let newer: Manifest;
  let monitorPath = "/ui/builds";
  // The model the draft page asks: a local server speaking OpenAI's wire format, through the official SDK.
  const model = new WireServer();
  const url = (path: string) => `http://127.0.0.1:${served.port}${path}`;
  const open = async (path: string): Promise<{ page: Page; errors: string[]; status: number }> => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(url(path));
    await page.waitForLoadState("networkidle");
    return { page, errors, status: response?.status() ?? 0 };
  };

  beforeAll(async () => {
    Object.assign(process.env, s3Env());
    mkdirSync(shots, { recursive: true });
    const target = `s3://${testServices().bucket}/catalog-page-${randomUUID().slice(0, 8)}`;
    const a = await bundle({ records: 150, seed: 1, asOf: "2026-01-06" }, "2026-01-06T02:00:00Z");
    const b = await bundle({ records: 180, seed: 2, asOf: "2026-02-03" }, "2026-02-03T02:00:00Z");
    [older, newer] = [a.manifest, b.manifest];
    const store = openStore(target, s3Env());
    await publishSnapshot(a.out, store);
    await publishSnapshot(b.out, store);
    const { temporalAddress: address, namespace } = testServices();
    const taskQueue = `catalog-page-${randomUUID()}`;
    native = await NativeConnection.connect({ address });
    worker = await createWorker({ connection: native, namespace, taskQueue, maxConcurrentActivities: 1, activityDeps: { stagingRoot: tmp(), shardThreads: 1 } });
    running = worker.run();
    connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace });
    const modelUrl = await model.start();
    const provider = chooseProvider({ model: "local-model", env: { OPENAI_API_KEY: model.key, OPENAI_BASE_URL: `${modelUrl}/v1` }, timeoutMs: 10_000 });
    const drafts = { provider, folder: join(tmp(), "draft"), token: TOKEN, maxRepairs: 2, tokenBudget: 100_000 };
    served = await serveCatalog({ sources: openSources([`nightly=${target}`], s3Env()), host: "127.0.0.1", port: 0, cacheDir: tmp(), builds: { client, taskQueue, token: TOKEN }, drafts });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await model.close();
    worker?.shutdown();
    await running;
    await connection?.close();
    await native?.close();
  });

  it("lists the published snapshots, newest first, latest marked, with counts, sizes and validation", async () => {
    const { page, errors, status } = await open("/");
    expect(status).toBe(200);
    const rows = await page.locator("#snapshots tbody tr").allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(newer.snapshotId);
    expect(rows[0]).toContain("latest");
    expect(rows[1]).toContain(older.snapshotId);
    expect(rows[1]).not.toContain("latest");
    // Root records (households), not the sum of every entity; and when it was built (issue 33.16).
    const cells = (await page.locator("#snapshots tbody tr").nth(1).locator("td").allInnerTexts()).map((t) => t.trim());
    expect(cells).toContain("150 households");
    expect(cells).toContain("2026-01-06 02:00");
    expect(rows[1]).toContain("passed");
    // The first Tab lands on the skip link, which moves focus past the navigation.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.screenshot({ path: join(shots, "catalog-list.png") });
    expect(errors).toEqual([]);
  });

  it("draws the quality report as charts and previews typed rows from the Parquet", async () => {
    const { page, errors, status } = await open("/");
    expect(status).toBe(200);
    await page.getByRole("link", { name: older.snapshotId }).click();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("h1").innerText()).toBe(older.snapshotId);
    // Every chart was drawn by Chart.js: each canvas has bars, and pixels that are not blank.
    const canvases = page.locator("canvas[data-chart]");
    const n = await canvases.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) {
      const canvas = canvases.nth(i);
      expect(Number(await canvas.getAttribute("data-drawn")), await canvas.getAttribute("aria-label") ?? "").toBeGreaterThan(0);
      const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let count = 0;
        for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) count++;
        return count;
      });
      expect(inked).toBeGreaterThan(100);
    }
    await page.screenshot({ path: join(shots, "catalog-snapshot.png"), fullPage: false });

    // The preview's rows are the API's rows, with DuckDB's types under each column name.
    const api = (await (await fetch(url(`/snapshots/${older.snapshotId}/entities/households/rows?limit=25`))).json()) as { columns: Array<{ name: string; type: string }>; rows: Array<Record<string, unknown>> };
    const headers = await page.locator("#preview-table thead th").allInnerTexts();
    expect(headers.map((h) => h.replace(/\s+/g, " ").trim())).toEqual(api.columns.map((c) => `${c.name} ${c.type}`));
    expect(headers.join(" ")).toMatch(/INTEGER|BIGINT/);
    const firstRow = await page.locator("#preview-table tbody tr").first().locator("td").allInnerTexts();
    expect(firstRow[0]).toBe(String(api.rows[0]!.household_id));
    expect(await page.locator("#preview-table tbody tr").count()).toBe(25);

    // Filter by a column, then page on: every row shown is a commercial account.
    await page.locator("#filter-column").selectOption("lob_type");
    await page.locator("#filter-value").fill("commercial");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForLoadState("networkidle");
    const lobIndex = api.columns.findIndex((c) => c.name === "lob_type");
    const lob = await page.locator(`#preview-table tbody tr td:nth-child(${lobIndex + 1})`).allInnerTexts();
    expect(lob.length).toBeGreaterThan(0);
    expect(new Set(lob)).toEqual(new Set(["commercial"]));
    expect(await page.locator("#preview-table caption").innerText()).toContain("where lob_type=commercial");

    // Another entity's tab: its charts and its preview.
    await page.getByRole("navigation", { name: "Entities" }).getByRole("link", { name: /^policies/ }).click();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#entity-title").innerText()).toBe(`policies: ${older.counts.policies!.toLocaleString("en-US")} records`);
    expect(await page.locator("#preview-table thead th").first().innerText()).toContain("policy_id");
    await page.locator("#preview").screenshot({ path: join(shots, "catalog-preview.png") });
    expect(errors).toEqual([]);
  });

  it("compares two snapshots: counts side by side and the columns that moved", async () => {
    const { page, errors, status } = await open("/ui/compare");
    expect(status).toBe(200);
    // With nothing chosen it compares the two newest: older (a) against newer (b).
    const counts = await page.locator("table", { has: page.locator("caption", { hasText: "Records per entity; change" }) }).locator("tbody tr").allInnerTexts();
    expect(counts[0]!.split("\t")).toEqual(["households", "150", "180", "20.0%"]);
    expect(Number(await page.locator("#compare-counts canvas").getAttribute("data-drawn"))).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "catalog-compare.png") });
    expect(errors).toEqual([]);
  });

  it("starts a build from the page and follows its progress to the published snapshot", async () => {
    const { page, errors } = await open("/ui/builds");
    await page.getByLabel("Root records", { exact: true }).fill("2000");
    await page.getByLabel("Root records per shard").fill("250");
    await page.getByLabel("Seed").fill(String(1000 + Math.floor(Math.random() * 1e6)));
    await page.getByLabel("Token").fill(TOKEN);
    await page.screenshot({ path: join(shots, "catalog-builds.png") });
    await page.getByRole("button", { name: "Start build" }).click();
    await page.waitForURL(/\/ui\/builds\/snapshot-/);
    monitorPath = new URL(page.url()).pathname;
    // The monitor's numbers move as shards finish, without reloading, until the build completes.
    const seen: string[] = [];
    const bars: number[] = [];
    const deadline = Date.now() + 150_000;
    let shot = false;
    while (Date.now() < deadline) {
      const status = await page.locator("[data-build-monitor]").getAttribute("data-status");
      const records = await page.locator('[data-field="records"]').innerText();
      if (seen.at(-1) !== records) seen.push(records);
      // The bar is full only once published: short of it while any step runs, all records built or not.
      // Read together: the script may complete the build between two separate reads.
      const now = await page.locator("[data-build-monitor]").evaluate((section: HTMLElement) => ({ status: section.dataset.status, share: ((p) => p.value / p.max)(section.querySelector("progress")!) }));
      if (now.status === "RUNNING") bars.push(now.share);
      if (!shot && /^[1-9][\d,]* of 2,000$/.test(records) && records !== "2,000 of 2,000") {
        await page.screenshot({ path: join(shots, "catalog-build-monitor.png") });
        shot = true;
      }
      if (status !== "RUNNING") break;
      await page.waitForTimeout(200);
    }
    expect(await page.locator('[data-field="status"]').innerText()).toBe("COMPLETED");
    const done = seen.map((s) => Number(/^([\d,]+) of/.exec(s)?.[1]?.replace(/,/g, "") ?? NaN)).filter((x) => !Number.isNaN(x));
    expect(done.filter((x) => x > 0 && x < 2000).length, `progress seen: ${seen.join(" | ")}`).toBeGreaterThanOrEqual(2);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(await page.locator("progress").evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
    expect(bars.length).toBeGreaterThan(0);
    expect(Math.max(...bars)).toBeLessThan(1);
    expect(await page.locator('[data-field="progress-text"]').innerText()).toBe("published");
    // Done: the records and shards of the whole build, also on a fresh load of the monitor.
    await page.reload();
    expect([await page.locator('[data-field="records"]').innerText(), await page.locator('[data-field="shards"]').innerText()]).toEqual(["2,000 of 2,000", "8 of 8"]);
    // The builds page lists it, completed, with what it was asked for.
    await page.goto(url("/ui/builds"));
    const snapshotId = decodeURIComponent(monitorPath).replace(/^\/ui\/builds\/snapshot-v\d+_\d+-/, "");
    const listed = (await page.locator("#recent-builds tbody tr", { hasText: snapshotId }).locator("th, td").allInnerTexts()).map((t) => t.trim());
    expect(listed.slice(1, 4)).toEqual(["completed", "2,000", "8"]);
    await page.goBack();
    await page.locator('[data-field="outcome"] a').click();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#entity-title").innerText()).toBe("households: 2,000 records");
    expect(errors).toEqual([]);
  }, 200_000);

  it("starts a recipe's build from the page: the file's dataset is built and published in place of the pack's", async () => {
    const { page, errors } = await open("/ui/builds");
    const recipe = join(mkdtempSync(join(tmpdir(), "sdh-page-recipe-")), "shop.yaml");
    writeFileSync(recipe, readFileSync(fileURLToPath(new URL("../../../packages/recipes/examples/saas-subscriptions.yaml", import.meta.url))));
    await page.getByLabel("Recipe (optional)").setInputFiles(recipe);
    await page.getByLabel("Root records", { exact: true }).fill("25");
    await page.getByLabel("Seed").fill(String(1000 + Math.floor(Math.random() * 1e6)));
    await page.getByLabel("Token").fill(TOKEN);
    await page.getByRole("button", { name: "Start build" }).click();
    await page.waitForURL(/\/ui\/builds\/snapshot-/);
    await page.waitForFunction(() => document.querySelector("[data-build-monitor]")?.getAttribute("data-status") !== "RUNNING", undefined, { timeout: 120_000 });
    expect(await page.locator('[data-field="status"]').innerText()).toBe("COMPLETED");
    await page.locator('[data-field="outcome"] a').click();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#entity-title").innerText()).toBe("accounts: 25 records");
    expect(errors).toEqual([]);
  }, 150_000);

  it("drafts a recipe from words on the Draft page: questions first, then the recipe, then a build of it", async () => {
    model.script = [{ content: readFileSync(fileURLToPath(new URL("../../../packages/draft/test/fixtures/clinic-draft.json", import.meta.url)), "utf8") }];
    const { page, errors } = await open("/ui/draft");
    // One step at a time: the questions and the result appear only when there is something to show.
    expect([await page.locator("#draft-questions").isVisible(), await page.locator("#draft-result").isVisible()]).toEqual([false, false]);
    await page.getByLabel("Requirements").fill("Clinic patients and their appointments, for scheduling tests.");
    await page.getByLabel("Token").fill(TOKEN);
    await page.getByRole("button", { name: "Draft", exact: true }).click();
    await page.getByLabel("Which tables are there").waitFor();
    await page.getByLabel("Which tables are there").fill("patients, each with 1-6 appointments");
    await page.getByLabel("How many root records").fill("300");
    // Long questions wrap; the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, "catalog-draft.png") });
    await page.getByRole("button", { name: "Draft with these answers" }).click();
    await page.locator("#draft-result:not([hidden])").waitFor({ timeout: 30_000 });
    const recipe = await page.locator("#draft-recipe").innerText();
    expect(recipe).toMatch(/^# Drafted by `sdh draft`/);
    expect(recipe).toContain("#   - relationships: patients, each with 1-6 appointments");
    expect(recipe).toContain("(sdh's default)");
    expect(await page.locator("#draft-download").getAttribute("download")).toBe("clinic-visits.yaml");
    // The model was asked once, with the answers given and the rest assumed.
    expect(model.requests).toHaveLength(1);
    expect((model.requests[0]!.body.messages as Array<{ content: string }>)[1]!.content).toContain("Answer: 300");
    await page.getByLabel("Root records", { exact: true }).fill("30");
    await page.getByRole("button", { name: "Build it" }).click();
    await page.waitForURL(/\/ui\/builds\/snapshot-/);
    await page.waitForFunction(() => document.querySelector("[data-build-monitor]")?.getAttribute("data-status") !== "RUNNING", undefined, { timeout: 120_000 });
    expect(await page.locator('[data-field="status"]').innerText()).toBe("COMPLETED");
    await page.locator('[data-field="outcome"] a').click();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#entity-title").innerText()).toBe("patients: 30 records");
    expect(errors).toEqual([]);
  }, 150_000);

  it("answers a bad or unknown address with a page that says what is wrong, never a 500", async () => {
    const cases: Array<[string, number, string]> = [
      [`/ui/snapshots/no-such-snapshot`, 404, "no committed snapshot no-such-snapshot"],
      [`/ui/snapshots/..%2F..%2Fetc`, 400, "snapshot id"],
      [`/ui/snapshots/${older.snapshotId}?entity=nope`, 404, "has no entity 'nope'"],
      [`/ui/snapshots/${older.snapshotId}?entity=constructor`, 404, "has no entity 'constructor'"],
      [`/ui/snapshots/${older.snapshotId}?offset=x`, 400, "offset must be a whole number"],
      [`/ui/snapshots/${older.snapshotId}?target=elsewhere`, 400, "target 'elsewhere' is not served here"],
      [`/ui/snapshots/${older.snapshotId}?column=nope&value=1`, 200, "nope"],
      [`/ui/builds/..%2Fx`, 400, "build id"],
    ];
    for (const [path, status, text] of cases) {
      const response = await fetch(url(path));
      const body = await response.text();
      expect([path, response.status, response.headers.get("content-type")]).toEqual([path, status, "text/html; charset=UTF-8"]);
      expect(body, path).toContain(text.replace(/'/g, "&#39;"));
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    }
  });

  it("lays every page out at a phone's width and a laptop's: no page wider than the window, tables scroll in place", async () => {
    const wider: string[] = [];
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
      const sized = await browser.newContext({ viewport });
      try {
        for (const [name, path] of [["list", "/"], ["snapshot", `/ui/snapshots/${older.snapshotId}?entity=vehicles`], ["compare", "/ui/compare"], ["builds", "/ui/builds"], ["monitor", monitorPath], ["draft", "/ui/draft"]] as const) {
          const page = await sized.newPage();
          await page.goto(url(path));
          await page.waitForLoadState("networkidle");
          // The page itself never scrolls sideways; wide tables and charts stay inside their own box.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) wider.push(`${name} at ${viewport.width}px: ${overflow}px wider than the window`);
          await page.screenshot({ path: join(layoutShots, `${name}-${viewport.width}.png`), fullPage: true });
          await page.close();
        }
      } finally {
        await sized.close();
      }
    }
    expect(wider).toEqual([]);
  }, 120_000);

  it("meets WCAG 2.1 AA as axe-core checks it, on every page", async () => {
    // axe is injected, which the pages' CSP forbids; this context alone bypasses it.
    const checking = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      for (const path of ["/", `/ui/snapshots/${older.snapshotId}?entity=vehicles`, "/ui/compare", "/ui/builds", monitorPath, "/ui/draft"]) {
        const page = await checking.newPage();
        await page.goto(url(path));
        await page.waitForLoadState("networkidle");
        // Open every disclosure, so the tables inside are checked too.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        expect(await axeViolations(page), path).toEqual([]);
        await page.close();
      }
    } finally {
      await checking.close();
    }
  }, 120_000);
});
