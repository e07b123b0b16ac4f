import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SnapshotResult } from "@sdh/worker";
import { describe, expect, it } from "vitest";
import { digests, exited, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { runCli } from "./run-cli.js";

// A domain as data (issue 34): a recipe goes through the engine as a pack does — shards, the gate,
// every format, the manifest, verify, and Temporal — with nothing of ours to write.
const examples = fileURLToPath(new URL("../../../packages/recipes/examples/", import.meta.url));
const recipe = (name: string) => join(examples, name);

describe("sdh generate --recipe and sdh snapshot run --recipe", () => {
  it("generates a recipe's snapshot: the same bytes at any shard count, verified, entities named by the recipe", () => {
    const one = join(tmp(), "one");
    const three = join(tmp(), "three");
    const first = runCli(["generate", "--recipe", recipe("retail-orders.yaml"), "--records", "90", "--seed", "5", "--shards", "1", "--out", one, "--json"]);
    expect([first.status, first.stderr]).toEqual([0, ""]);
    const result = JSON.parse(first.stdout) as { counts: Record<string, number>; files: Array<{ path: string }> };
    expect(Object.keys(result.counts)).toEqual(["customers", "orders", "order_lines", "products"]);
    // The product list is a lookup table: whole, once, whatever --records says (and in one shard of three below).
    expect([result.counts.customers, result.counts.products]).toEqual([90, 2000]);
    expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining(["customers_v0_9.csv", "orders_v0_9.parquet", "order_lines_v0_9.json"]));
    expect(runCli(["generate", "--recipe", recipe("retail-orders.yaml"), "--records", "90", "--seed", "5", "--shards", "3", "--out", three]).status).toBe(0);
    expect(digests(three)).toEqual(digests(one));
    // The recipe ships in the bundle, listed and checksummed: the snapshot can be read and rebuilt from it alone.
    const manifest = JSON.parse(readFileSync(join(one, "snapshot_manifest_v0_9.json"), "utf8")) as { pack: { name: string }; files: Array<{ path: string; entity: string; sha256: string }> };
    expect(manifest.pack.name).toBe("retail-orders");
    const text = readFileSync(recipe("retail-orders.yaml"), "utf8");
    expect(readFileSync(join(one, "recipe_v0_9.yaml"), "utf8")).toBe(text);
    expect(manifest.files.find((f) => f.path === "recipe_v0_9.yaml")).toMatchObject({ entity: "dataset", sha256: createHash("sha256").update(text).digest("hex") });
    // The quality summary counts the recipe's own entities (it named P&C ones before sdh-recipes 0.2.0).
    expect(readFileSync(join(one, "quality_summary_v0_9.md"), "utf8")).toMatch(/^Records: 90 customers, \d+ orders, \d+ order_lines, 2,?000 products\.$/m);
    const verified = runCli(["verify", one]);
    expect([verified.status, verified.stdout]).toEqual([0, expect.stringContaining("match the manifest")]);
    // Without --records, the recipe's own size.
    const sized = runCli(["generate", "--recipe", recipe("lending.yaml"), "--out", join(tmp(), "lending"), "--json"]);
    expect([sized.status, (JSON.parse(sized.stdout) as { counts: Record<string, number> }).counts.borrowers]).toEqual([0, 600]);
  }, 120_000);

  it("refuses a bad recipe with its line and column, and a recipe given with a pack (exit 2)", () => {
    const dir = tmp();
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "recipe: 1\nname: shop\ntitle: Shop\nentities:\n  items:\n    key: id\n    fields:\n      id: { type: uuid }\n      price: { type: monie }\n");
    const run = runCli(["generate", "--recipe", bad, "--out", join(dir, "out")]);
    expect([run.status, run.stderr]).toEqual([2, expect.stringMatching(/bad\.yaml:9:\d+: entities\.items\.fields\.price\.type: unknown type 'monie'; the types are: /)]);
    expect(runCli(["generate", "--recipe", bad, "--pack", "pc", "--out", join(dir, "out")])).toMatchObject({ status: 2, stderr: expect.stringContaining("give --recipe or --pack, not both") });
    mkdirSync(join(dir, "folder.yaml"));
    expect(runCli(["generate", "--recipe", join(dir, "folder.yaml"), "--out", join(dir, "out")])).toMatchObject({ status: 2, stderr: expect.stringContaining("not a regular file") });
    const named = join(dir, "pc.yaml");
    writeFileSync(named, readFileSync(recipe("lending.yaml"), "utf8").replace("name: lending", "name: pc"));
    expect(runCli(["generate", "--recipe", named, "--out", join(dir, "out")])).toMatchObject({ status: 2, stderr: expect.stringContaining("may not take the name of the shipped pack 'pc'") });
  }, 60_000);

  it("builds a recipe through Temporal: the worker makes the bytes `sdh generate` writes", async () => {
    const taskQueue = `recipe-${randomUUID()}`;
    const target = tmp();
    const { child } = await startWorker(taskQueue, tmp());
    const snapshotId = `recipe-${randomUUID().slice(0, 8)}`;
    const run = runCli(["snapshot", "run", "--recipe", recipe("saas-subscriptions.yaml"), "--records", "60", "--seed", "9", "--shards", "3", "--snapshot-id", snapshotId, "--target", target, "--task-queue", taskQueue, "--wait", "--json"], servicesEnv());
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const result = JSON.parse(run.stdout) as SnapshotResult;
    expect(result.counts.accounts).toBe(60);
    const local = join(tmp(), "local");
    expect(runCli(["generate", "--recipe", recipe("saas-subscriptions.yaml"), "--records", "60", "--seed", "9", "--snapshot-id", snapshotId, "--out", local]).status).toBe(0);
    expect(digests(result.location)).toEqual(digests(local));
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  }, 180_000);
});

describe("sdh learn FILE... --out RECIPE, then sdh generate --recipe RECIPE --scale F", () => {
  it("learns a recipe from CSV and Parquet samples, writes it whole, and the recipe generates at a scale with every reference resolved", () => {
    const dir = tmp();
    const sample = join(dir, "sample");
    expect(runCli(["generate", "--recipe", recipe("retail-orders.yaml"), "--records", "200", "--seed", "4", "--formats", "csv,parquet", "--out", sample]).status).toBe(0);
    const files = [join(sample, "customers_v0_9.csv"), join(sample, "orders_v0_9.parquet"), join(sample, "order_lines_v0_9.csv"), join(sample, "products_v0_9.parquet")];
    const out = join(dir, "shop.yaml");
    const learned = runCli(["learn", ...files, "--out", out, "--name", "shop", "--report", join(dir, "report.json")]);
    expect([learned.status, learned.stderr]).toEqual([0, ""]);
    expect(learned.stdout).toMatch(/^Learned shop from 4 tables → /);
    expect(learned.stdout).toMatch(/orders_v0_9: \d[\d,]* rows, \d+ fields, under customers_v0_9 by customer_id/);
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { score: number; entities: Array<{ entity: string; privacy: { identical: number } }> };
    expect(report.entities.map((e) => e.entity)).toEqual(["customers_v0_9", "orders_v0_9", "order_lines_v0_9", "products_v0_9"]);
    expect(report.score).toBeGreaterThan(0.85);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/^# Learned by sdh learn/);
    // An existing recipe is kept unless --force; a bad --k or a sample that is not a table writes nothing.
    expect(runCli(["learn", ...files, "--out", out])).toMatchObject({ status: 2, stderr: expect.stringContaining("exists; give --force") });
    expect(runCli(["learn", ...files, "--out", join(dir, "k.yaml"), "--k", "1"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--k '1' is not a whole number from 2") });
    expect(runCli(["learn", ...files, "--out", join(dir, "k.yaml"), "--name", "pc"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--name 'pc' is a shipped pack's name") });
    expect(runCli(["learn", join(sample, "SHA256SUMS"), "--out", join(dir, "sums.yaml")])).toMatchObject({ status: 2, stderr: expect.stringContaining("a sample is a .csv, .tsv, .json") });
    expect(readFileSync(out, "utf8")).toBe(text);
    expect(() => readFileSync(join(dir, "k.yaml"))).toThrow();
    // Twice the sample's size, through the gate (references resolve: the run exits 0 only if they do).
    const scaled = runCli(["generate", "--recipe", out, "--scale", "2", "--formats", "csv", "--out", join(dir, "scaled"), "--json"]);
    expect([scaled.status, scaled.stderr]).toEqual([0, ""]);
    // The product list is a lookup table (the lines name it): it keeps the sample's 2,000 rows at any scale.
    expect((JSON.parse(scaled.stdout) as { counts: Record<string, number> }).counts).toMatchObject({ customers_v0_9: 400, products_v0_9: 2000 });
    expect(runCli(["generate", "--recipe", out, "--scale", "2", "--records", "5", "--out", join(dir, "both")])).toMatchObject({ status: 2, stderr: expect.stringContaining("give --records or --scale, not both") });
    // Augment: the sample's rows, then synthetic ones, in each sample's format.
    const augmented = runCli(["learn", ...files, "--out", join(dir, "again.yaml"), "--no-report", "--augment", join(dir, "augmented"), "--records", "20"]);
    expect([augmented.status, augmented.stderr]).toEqual([0, ""]);
    expect(augmented.stdout).toContain("Augmented tables");
    const customers = readFileSync(join(dir, "augmented", "customers_v0_9.csv"), "utf8").trim().split("\n");
    expect(customers.length).toBe(1 + 200 + 20);
    expect(customers.slice(0, 2)).toEqual(readFileSync(files[0]!, "utf8").split("\r\n").slice(0, 2)); // the sample's header and first row (it has CRLF lines, as RFC 4180 says)
    expect(runCli(["learn", files[0]!, "--out", join(dir, "r.yaml"), "--records", "5"])).toMatchObject({ status: 2, stderr: expect.stringContaining("give it with --augment DIR") });
  }, 120_000);
});
