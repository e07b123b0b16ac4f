import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { recipeSource } from "@sdh/packs";
import { parseSnapshotConfig } from "@sdh/schemas";
import { LocalStore, publishSnapshot } from "@sdh/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

// A snapshot of a recipe sdh learn wrote carries what learn measured (the recipe's `learned:` block,
// shipped in the bundle): its quality summary, the catalog's API and page show it; a recipe in the bundle that does not
// parse is the store's fault (502), never quoted.

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-learned-"));
const example = readFileSync(fileURLToPath(new URL("../../../packages/recipes/examples/retail-orders.yaml", import.meta.url)), "utf8");
const LEARNED = `learned:
  from: [customers.csv, orders.csv]
  k: 5
  method: the sample's root rows split 80/20
  score: 0.9468
  entities:
    customers: { rows: 300, score: 0.9385, shapes: 0.9658, trends: 0.9112, identical: 0.0615, holdoutIdentical: 0.0714, closest: { p5: 0, p50: 0.0013 }, holdoutClosest: { p5: 0, p50: 0.0017 } }
`;

describe("the catalog shows a learned recipe's fidelity", () => {
  let served: ServedCatalog;
  const folder = tmp();
  let learnedId: string;
  let plainId: string;
  const get = (path: string) => fetch(`http://127.0.0.1:${served.port}${path}`);

  beforeAll(async () => {
    const publish = async (text: string, seed: number) => {
      const config = parseSnapshotConfig({ records: 20, seed, asOf: "2026-01-06", formats: ["csv"], pack: "retail-orders", recipe: recipeSource(text) });
      const out = join(tmp(), "bundle");
      const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out });
      await publishSnapshot(out, new LocalStore(folder));
      return manifest.snapshotId;
    };
    learnedId = await publish(`${example}${LEARNED}`, 1);
    plainId = await publish(example, 2);
    served = await serveCatalog({ sources: openSources([`local=${folder}`], {}), host: "127.0.0.1", port: 0, cacheDir: tmp() });
  }, 60_000);
  afterAll(async () => {
    await served?.close();
  });

  it("answers it in the snapshot's detail and draws it on the page; a recipe without it has none", async () => {
    const detail = (await (await get(`/snapshots/${learnedId}`)).json()) as { learned: { score: number; entities: Record<string, { shapes: number }> } };
    expect(detail.learned.score).toBe(0.9468);
    expect(detail.learned.entities.customers!.shapes).toBe(0.9658);
    expect(((await (await get(`/snapshots/${plainId}`)).json()) as { learned: unknown }).learned).toBeNull();
    const page = await (await get(`/ui/snapshots/${learnedId}`)).text();
    expect(page).toContain('<h2 id="fidelity">Fidelity to the sample</h2>');
    expect(page).toContain("6.2% / 7.1%");
    expect(await (await get(`/ui/snapshots/${plainId}`)).text()).not.toContain("Fidelity to the sample");
    // The bundle's quality summary says it too.
    const summary = (id: string) => readFileSync(join(folder, "v0.9", id, "quality_summary_v0_9.md"), "utf8");
    expect(summary(learnedId)).toContain("## Fidelity to the sample (sdh learn)");
    expect(summary(learnedId)).toContain("| customers | 300 | 0.9385 | 0.9658 | 0.9112 | 6.2% / 7.1% | 0 / 0.0013 · 0 / 0.0017 |");
    expect(summary(plainId)).not.toContain("Fidelity to the sample");
  });

  it("answers 502 for a shipped recipe that does not parse, without quoting it", async () => {
    const path = join(folder, "v0.9", learnedId, "recipe_v0_9.yaml");
    writeFileSync(path, "recipe: 1\nname: SECRET-CONTENT\n");
    const response = await get(`/snapshots/${learnedId}`);
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).toContain("is not a valid recipe");
    expect(text).not.toContain("SECRET-CONTENT");
  });
});
