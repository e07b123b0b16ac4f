import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { recipeSource } from "@sdh/packs";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";

// A recipe's references besides the parent go through the gate as the parent's key does: the snapshot
// of a recipe whose order lines ship to their customer's addresses passes, rule listed, none failing.

const RECIPE = readFileSync(fileURLToPath(new URL("../../recipes/test/fixtures/references.yaml", import.meta.url)), "utf8");

describe("a recipe's references through the gate", () => {
  it("builds, validates and lists the reference's rule, with no failure", async () => {
    const { out } = await buildBundle({ records: 300, seed: 3, formats: ["csv"], pack: "reference-test", recipe: recipeSource(RECIPE), shardSize: 100 });
    const report = JSON.parse(readFileSync(join(out, "validation_report_v0_9.json"), "utf8")) as { passed: boolean; rules: Array<{ code: string; failures: number }> };
    expect(report.passed).toBe(true);
    expect(report.rules.find((r) => r.code === "REF_LINES_SHIP_TO_MISSING")).toMatchObject({ failures: 0 });
  });
});
