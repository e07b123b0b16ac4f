import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Lint in-memory sources as if they lived at the given paths, with the repository's real config.
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const workflowPath = "apps/worker/src/workflows.ts";
const rulesPath = "packs/pc/src/generator/person.ts";

describe("workflow sandbox rule", () => {
  it("rejects a Node built-in", async () => {
    const ids = await ruleIdsFor(workflowPath, `import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n`);
    expect(ids).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("rejects a bare built-in name", async () => {
    const ids = await ruleIdsFor(workflowPath, `import crypto from "crypto";\nexport const c = crypto;\n`);
    expect(ids).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("rejects a non-workflow package imported as a value", async () => {
    const ids = await ruleIdsFor(workflowPath, `import { Client } from "@temporalio/client";\nexport const c = Client;\n`);
    expect(ids).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("rejects activities imported as values", async () => {
    const ids = await ruleIdsFor(workflowPath, `import * as activities from "./activities.js";\nexport const a = activities;\n`);
    expect(ids).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("accepts @temporalio/workflow and type-only imports", async () => {
    const code = [
      `import { proxyActivities } from "@temporalio/workflow";`,
      `import type * as activities from "./activities.js";`,
      `export const acts = proxyActivities<typeof activities>({ startToCloseTimeout: "1 minute" });`,
      "",
    ].join("\n");
    expect(await ruleIdsFor(workflowPath, code)).toEqual([]);
  });

  it("does not apply outside workflow files", async () => {
    const ids = await ruleIdsFor("apps/worker/src/activities.ts", `import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n`);
    expect(ids).toEqual([]);
  });
});

describe("reproducible rules", () => {
  it("rejects Math.random", async () => {
    expect(await ruleIdsFor(rulesPath, "export const x = Math.random();\n")).toContain("no-restricted-properties");
  });

  it("rejects Date.now", async () => {
    expect(await ruleIdsFor(rulesPath, "export const t = Date.now();\n")).toContain("no-restricted-properties");
  });

  it("rejects new Date() without arguments", async () => {
    expect(await ruleIdsFor(rulesPath, "export const d = new Date();\n")).toContain("no-restricted-syntax");
  });

  it("rejects the global faker instance", async () => {
    const ids = await ruleIdsFor(rulesPath, `import { faker } from "@faker-js/faker";\nexport const f = faker;\n`);
    expect(ids).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("accepts dates computed from a given reference", async () => {
    expect(await ruleIdsFor(rulesPath, `export const d = (asOf: string) => new Date(asOf);\n`)).toEqual([]);
  });

  it("applies to the shared rules and to every pack's sources", async () => {
    for (const path of ["packages/rules/src/dates.ts", "packs/fintech/src/generate.ts", "packs/pc/src/checks/claim-checks.ts"]) {
      expect(await ruleIdsFor(path, "export const x = Math.random();\n"), path).toContain("no-restricted-properties");
    }
  });

  it("does not apply outside packages/rules and packs", async () => {
    expect(await ruleIdsFor("apps/cli/src/main.ts", "export const t = Date.now();\n")).toEqual([]);
  });
});
