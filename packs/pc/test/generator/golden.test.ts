import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATOR } from "../../src/generator/index.js";
import { bundles, config } from "./fixtures.js";

// The first records for seed 42 are committed. A change to them fails here until it is made on
// purpose: update the golden file (`vitest -u`) AND record its hash under a new generator version
// in golden/versions.json — the governance rule for any change to the bytes of a seeded snapshot.
const goldenUrl = new URL("./golden/seed-42.json", import.meta.url);

function golden() {
  const all = bundles(config({ records: 200 }));
  const [first, second, third] = all.filter((_, i) => i < 3);
  const family = all.find((b) => b.persons.some((p) => p.household_role === "child"));
  const commercial = all.find((b) => b.household.lob_type === "commercial");
  // Claims are rare (about one a decade per vehicle): the first household with a crash and one with a comprehensive loss.
  const crash = all.find((b) => b.claims.some((c) => c.driver_id !== null));
  const comprehensive = all.find((b) => b.claims.some((c) => c.loss_type === "comprehensive"));
  return { generator: GENERATOR, records: [first, second, third, family, commercial, crash, comprehensive] };
}

describe("golden records, seed 42", () => {
  it("match the committed records", async () => {
    await expect(`${JSON.stringify(golden(), null, 2)}\n`).toMatchFileSnapshot("./golden/seed-42.json");
  });

  it("are registered under the current generator version", () => {
    const versions = JSON.parse(readFileSync(new URL("./golden/versions.json", import.meta.url), "utf8")) as Record<string, string>;
    const sha256 = createHash("sha256").update(readFileSync(goldenUrl)).digest("hex");
    expect(versions[GENERATOR.version], `golden/versions.json must map ${GENERATOR.version} to the golden file's sha256 ${sha256}`).toBe(sha256);
  });
});
