import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import type { RecipeError } from "../src/index.js";
import { compileRecipe, parseRecipe } from "../src/index.js";

// Short labels that read like a column's own: `phrase` (words of a vocabulary, a number of words by
// weight) and a category's `other` (a share of records takes a phrase, never a listed value) — what
// sdh learn writes for names too rare to carry.

const recipe = (fields: string) => `recipe: 1
name: phrase-test
title: Phrases
entities:
  airports:
    key: airport_id
    fields:
      airport_id: { type: sequence }
${fields}`;

function generate(text: string, n = 6_000) {
  const pack = compileRecipe(parseRecipe(text));
  const rows: Array<Record<string, unknown>> = [];
  for (const root of pack.generate(parseSnapshotConfig({ records: n, seed: 3, asOf: "2026-01-06" })).range(0, n)) rows.push(...root.records.airports!);
  return { pack, rows };
}

describe("phrase, and a category's other", () => {
  it("makes phrases of the vocabulary's words, with the stated numbers of words, the same at any shard", () => {
    const { rows } = generate(recipe('      name: { type: phrase, words: [Regional, Municipal, County, Airport], weights: [1, 1, 1, 5], lengths: { "1": 0.25, "2": 0.75 } }\n'));
    const words = rows.map((r) => String(r.name).split(" "));
    expect(words.every((w) => w.every((x) => ["Regional", "Municipal", "County", "Airport"].includes(x)))).toBe(true);
    const two = words.filter((w) => w.length === 2).length / rows.length;
    expect(two).toBeGreaterThan(0.72);
    expect(two).toBeLessThan(0.78);
    const airport = words.flat().filter((x) => x === "Airport").length / words.flat().length;
    expect(airport).toBeGreaterThan(0.6);
    expect(airport).toBeLessThan(0.65);
    // Shard-free: the same record from a range that starts elsewhere.
    const pack = compileRecipe(parseRecipe(recipe('      name: { type: phrase, words: [Regional, Municipal, County, Airport], weights: [1, 1, 1, 5], lengths: { "1": 0.25, "2": 0.75 } }\n')));
    const later = [...pack.generate(parseSnapshotConfig({ records: 6_000, seed: 3, asOf: "2026-01-06" })).range(5_000, 5_010)].map((r) => r.records.airports![0]!.name);
    expect(later).toEqual(rows.slice(5_000, 5_010).map((r) => r.name));
  });

  it("gives listed values their weights within 1 - rate and phrases to the rest, never a listed value; the gate and the quality report take it", () => {
    const { pack, rows } = generate(recipe('      name: { type: category, values: { Municipal: 3, "Jackson County": 1 }, other: { rate: 0.6, words: [Municipal, County, Jackson, Field, Regional], lengths: { "1": 0.5, "2": 0.5 } } }\n'));
    const share = (v: string) => rows.filter((r) => r.name === v).length / rows.length;
    expect(share("Municipal")).toBeGreaterThan(0.28);
    expect(share("Municipal")).toBeLessThan(0.32);
    expect(share("Jackson County")).toBeGreaterThan(0.085);
    expect(share("Jackson County")).toBeLessThan(0.115);
    const others = rows.filter((r) => r.name !== "Municipal" && r.name !== "Jackson County");
    expect(others.length / rows.length).toBeGreaterThan(0.57);
    expect(others.every((r) => /^(Municipal|County|Jackson|Field|Regional)( (Municipal|County|Jackson|Field|Regional))?$/.test(String(r.name)))).toBe(true);
    const schema = pack.spec.entities[0]!.schema;
    expect(rows.every((r) => schema.safeParse(r).success)).toBe(true);
    // The stated shares the quality report checks are the listed ones', scaled by 1 - rate.
    const tally = pack.createTally!();
    for (const r of rows) tally.observe("airports", r);
    expect(tally.checks(parseSnapshotConfig({ records: 6_000, seed: 3, asOf: "2026-01-06" })).map((c) => [c.name, Math.round(c.expected * 100) / 100, c.passed])).toEqual([
      ["airports.name.Municipal", 0.3, true],
      ["airports.name.Jackson County", 0.1, true],
    ]);
  });

  it("refuses what a phrase cannot be: a word with a space, weights of another length, other on numbers", () => {
    const problems = (field: string) => {
      try {
        parseRecipe(recipe(field));
        return [];
      } catch (error) {
        return (error as RecipeError).problems.map((p) => p.message);
      }
    };
    expect(problems("      name: { type: phrase, words: [Jackson County] }\n")).toEqual([expect.stringContaining("a word: 1-40 characters, no spaces")]);
    expect(problems("      name: { type: phrase, words: [A, B], weights: [1] }\n")).toEqual([expect.stringContaining("weights go with words, one weight per word")]);
    expect(problems("      n: { type: category, values: [1, 2], other: { rate: 0.2 } }\n")).toEqual([expect.stringContaining("other goes with text values")]);
    expect(problems("      n: { type: category, values: [a], other: { rate: 1 } }\n")).toEqual([expect.stringContaining("expected number to be <1")]);
  });
});
