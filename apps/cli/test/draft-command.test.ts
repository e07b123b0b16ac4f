import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WireServer } from "@sdh/draft/testing";
import type { SnapshotResult } from "@sdh/worker";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { digests, exited, servicesEnv, startWorker, tmp } from "./cli-workers.js";
import { cliCommandLine, runCli, runCliAsync } from "./run-cli.js";

// sdh draft (issue 36) as a user runs it: against a local server that speaks OpenAI's wire format
// through the official SDK, in a pipe and in a real terminal; and the drafted recipe through the
// engine and Temporal like any other.
const fixture = (name: string) => readFileSync(new URL(`../../../packages/draft/test/fixtures/${name}`, import.meta.url), "utf8");
const REQUIREMENTS = "Outpatient clinic test data: patients and their appointments over the last year, in the US. Copays between $0 and $500; phone is sometimes missing.";

const server = new WireServer();
let base = "";
let dir = "";
let env: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.script = [];
  dir = tmp();
  env = { OPENAI_API_KEY: server.key, OPENAI_BASE_URL: `${base}/v1`, SDH_DRAFT_MODEL: "local-model", SDH_DRAFT_DIR: join(dir, "draft") };
});

describe("sdh draft", () => {
  it("drafts a recipe with --yes, repairs it, writes it whole; the recipe builds through the engine and Temporal", async () => {
    server.script = [{ content: fixture("clinic-draft-invalid.json") }, { content: fixture("clinic-draft.json") }];
    const out = join(dir, "clinic.yaml");
    const run = await runCliAsync(["draft", REQUIREMENTS, "--out", out, "--yes"], env);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^Drafted clinic-visits \(2 entities: patients, appointments\) in 2 rounds → /);
    expect(run.stdout).toMatch(/session \d{8}-[0-9a-f]{8} · openai local-model · [\d,]+ tokens · 6 assumptions/);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/^# Drafted by `sdh draft`/);
    expect(text).toContain("#   - formats: csv,json,parquet (sdh's default)");
    expect(`${run.stdout}${text}`).not.toContain(server.key);
    const id = /session (\S+) ·/.exec(run.stdout)![1]!;
    const listed = runCli(["draft", "sessions"], env);
    expect([listed.status, listed.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^${id}  \\S+ \\S+  written   openai local-model  [\\d,]+ tokens  → ${out}`))]);
    // Keys are never accepted from a config file (and shown *** by config show, as every secret setting).
    writeFileSync(join(dir, "sdh.config.yaml"), "openai:\n  apiKey: sk-in-a-file\n");
    expect(runCli(["config", "show"], env, dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("openai.apiKey: credentials are not read from config files; set OPENAI_API_KEY") });

    // The engine: the gate passes (generate exits 0 only then); then Temporal makes the same bytes.
    const local = join(dir, "local");
    const snapshotId = `drafted-${randomUUID().slice(0, 8)}`;
    const generated = runCli(["generate", "--recipe", out, "--records", "40", "--seed", "3", "--shards", "2", "--snapshot-id", snapshotId, "--out", local]);
    expect([generated.status, generated.stderr]).toEqual([0, ""]);
    const taskQueue = `drafted-${randomUUID()}`;
    const { child } = await startWorker(taskQueue, tmp());
    const built = runCli(["snapshot", "run", "--recipe", out, "--records", "40", "--seed", "3", "--shards", "2", "--snapshot-id", snapshotId, "--target", tmp(), "--task-queue", taskQueue, "--wait", "--json"], servicesEnv());
    expect([built.status, built.stderr]).toEqual([0, ""]);
    expect(digests((JSON.parse(built.stdout) as SnapshotResult).location)).toEqual(digests(local));
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  }, 180_000);

  it("refuses what it can check before anything is sent (exit 2), and names a refused key's variable (exit 1)", async () => {
    const out = join(dir, "r.yaml");
    const noProvider = await runCliAsync(["draft", REQUIREMENTS, "--out", out, "--yes"], { SDH_DRAFT_DIR: env.SDH_DRAFT_DIR });
    expect([noProvider.status, noProvider.stderr]).toEqual([2, expect.stringContaining("no model provider is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL")]);
    const both = await runCliAsync(["draft", REQUIREMENTS, "--out", out, "--yes"], { ...env, ANTHROPIC_API_KEY: "x" });
    expect([both.status, both.stderr]).toEqual([2, expect.stringContaining("variables of several providers are set (openai, anthropic): choose one with --provider")]);
    const open = await runCliAsync(["draft", REQUIREMENTS, "--out", out], env);
    expect([open.status, open.stderr]).toEqual([2, expect.stringContaining("there is no terminal to ask them in:\n  relationships: Which tables are there")]);
    expect(open.stderr).toMatch(/continue with: sdh draft --resume \d{8}-[0-9a-f]{8} --answers FILE/);
    writeFileSync(join(dir, "answers.yaml"), "relationship: one table\n");
    const badAnswers = await runCliAsync(["draft", REQUIREMENTS, "--out", out, "--answers", join(dir, "answers.yaml")], env);
    expect([badAnswers.status, badAnswers.stderr]).toEqual([2, expect.stringContaining("'relationship' is not a question; the questions are: relationships, records, ranges, nulls, locale, formats")]);
    const badUrl = await runCliAsync(["draft", REQUIREMENTS, "--out", out, "--yes"], { ...env, OPENAI_BASE_URL: "http://user:sk-secret@127.0.0.1/v1" });
    expect([badUrl.status, badUrl.stderr]).toEqual([2, expect.stringContaining("must not carry credentials")]);
    expect(badUrl.stderr).not.toContain("sk-secret");
    writeFileSync(join(dir, "exists.yaml"), "keep me\n");
    expect(await runCliAsync(["draft", REQUIREMENTS, "--out", join(dir, "exists.yaml"), "--yes"], env)).toMatchObject({ status: 2, stderr: expect.stringContaining("exists; give --force") });
    expect(server.requests).toEqual([]);

    const wrongKey = await runCliAsync(["draft", REQUIREMENTS, "--out", out, "--yes"], { ...env, OPENAI_API_KEY: "sk-wrong-1234" });
    expect([wrongKey.status, wrongKey.stderr]).toEqual([1, expect.stringContaining("refused the API key (401): check OPENAI_API_KEY")]);
    expect(wrongKey.stderr).not.toContain("sk-wrong-1234");
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(dir, "exists.yaml"), "utf8")).toBe("keep me\n");
  }, 60_000);

  it("asks the open questions in a real terminal, with defaults", async () => {
    server.script = [{ content: fixture("clinic-draft.json") }];
    const out = join(dir, "asked.yaml");
    mkdirSync(join(dir, "home"), { recursive: true });
    // script(1) runs the command on a pseudo-terminal: stdin and stderr are a TTY, as in a shell.
    const child = spawn("script", ["-qec", cliCommandLine(["draft", "Clinic patients and appointments for scheduling tests", "--out", out]), "/dev/null"], { env: { PATH: process.env.PATH, HOME: join(dir, "home"), TERM: "dumb", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let screen = "";
    const answers = ["patients, each with 1-6 appointments", "", "copays $0-$500", "", "", "csv"];
    let answered = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
      // Each prompt ends with "] > "; answer the next one when its prompt has appeared.
      while (answered < answers.length && screen.split("] > ").length - 1 > answered) child.stdin.write(`${answers[answered++]}\r`);
    });
    const code = await exited(child);
    expect(code, screen).toBe(0);
    expect(screen).toContain("(1/6) Which tables are there");
    expect(screen).toContain("[1000] > ");
    const text = readFileSync(out, "utf8");
    expect(text).toContain("#   - relationships: patients, each with 1-6 appointments");
    // Enter takes the default shown, as an answer given.
    expect(text).toContain("#   - records: 1000");
    expect(text).toContain("--formats csv --out");
    const sent = (server.requests[0]!.body.messages as Array<{ content: string }>)[1]!.content;
    expect(sent).toContain("Answer: copays $0-$500");
  }, 60_000);
});
