// The project's lint rules. Two of them guard the product's promises:
// - workflow code must stay deterministic and sandbox-safe (no Node built-ins, no non-workflow packages);
// - record rules must stay reproducible (no global random source, no wall clock).
import { builtinModules } from "node:module";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, "")))];

export const workflowFiles = ["apps/worker/src/workflows*.ts"];
// The shared rules and every pack's sources (generator, schemas, checks): seeded output and its verdicts depend on nothing else.
export const rulesFiles = ["packages/rules/src/**/*.ts", "packs/*/src/**/*.ts"];

/** Workflow code runs in Temporal's deterministic sandbox: only @temporalio/workflow may be imported as a value. */
const workflowSandbox = {
  files: workflowFiles,
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        paths: nodeBuiltins.flatMap((name) => [
          { name, message: "Node built-ins are not available in the workflow sandbox; do this in an activity." },
          { name: `node:${name}`, message: "Node built-ins are not available in the workflow sandbox; do this in an activity." },
        ]),
        patterns: [
          {
            regex: "^(?!@temporalio/workflow$).*",
            allowTypeImports: true,
            message:
              "Workflow code may import only '@temporalio/workflow' as a value; import activities and shared types with `import type`.",
          },
        ],
      },
    ],
  },
};

/** Record rules must be a pure function of (seed, entity, index, config). */
const reproducibleRules = {
  files: rulesFiles,
  rules: {
    "no-restricted-properties": [
      "error",
      { object: "Math", property: "random", message: "Use the seeded Random passed in; Math.random breaks reproducibility." },
      { object: "Date", property: "now", message: "Compute dates from the config's asOf; Date.now makes output depend on the wall clock." },
    ],
    "no-restricted-syntax": [
      "error",
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: "new Date() reads the wall clock; compute dates from the config's asOf.",
      },
    ],
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        paths: [
          {
            name: "@faker-js/faker",
            importNames: ["faker"],
            message: "The global faker shares one random source; build a Faker with the seeded randomizer instead.",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", ".sdh/**", "**/coverage/**", "bench/results/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  workflowSandbox,
  reproducibleRules,
);
