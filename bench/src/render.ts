// Prints the Markdown table of a stored run: `pnpm --filter @sdh/bench render bench/results/<file>.json`
// (for the README's performance section, or to compare runs). Relative paths are from the repo root.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderMarkdown, type BenchResults } from "./report.js";

const file = process.argv[2];
if (!file) throw new Error("give a results file: bench/results/<date>-<sha>.json");
const repo = fileURLToPath(new URL("../..", import.meta.url));
console.log(renderMarkdown(JSON.parse(readFileSync(resolve(repo, file), "utf8")) as BenchResults));
