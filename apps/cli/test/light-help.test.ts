import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeCli } from "./run-cli.js";

// Issue 33.18: `sdh --help` took ~1 s and 180 MB because help loaded every command's module. Help and
// --version must load nothing heavy. Checked by what is loaded, not by a stopwatch (the bench times
// it): a module hook lists every module the process resolves.
const HEAVY = /@temporalio|@aws-sdk|@duckdb|hono|\/packages\/(rules|exporters|storage|validation)\/|\/packs\/pc\/(src|dist)\/(?!generator\/generator-version|pack-info)|\/packs\/fintech\/(src|dist)\/(?!generator-version|pack-info)/;

function loaded(args: string[]): { status: number | null; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "sdh-light-help-"));
  writeFileSync(join(dir, "hooks.mjs"), `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }`);
  writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});`);
  const [node, cli] = nodeCli(args);
  const run = spawnSync(node, ["--import", join(dir, "register.mjs"), ...cli], { encoding: "utf8", timeout: 60_000 });
  return { status: run.status, modules: run.stderr.split("\n").filter((l) => l.startsWith("LOADED ")).map((l) => l.slice(7)) };
}

describe("help and version", () => {
  it.each([[["--help"]], [["help", "pull"]], [["config", "--help"]], [["snapshot", "run", "--help"]], [["--version"]]])("sdh %s loads no Temporal, AWS, DuckDB, HTTP or generator module", (args) => {
    const { status, modules } = loaded(args);
    expect(status, args.join(" ")).toBeLessThan(3);
    expect(modules.length).toBeGreaterThan(5); // the hook saw the CLI's own modules load
    expect(modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });
});
