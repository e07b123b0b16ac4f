import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chooseProvider, DraftError, OpenQuestionsError, ProviderError, questionsFor, runDraft, SessionStore, TokenBudgetError, type DraftProvider, type RunDraftOptions } from "../src/index.js";
import { WireServer } from "../src/testing/wire-server.js";
import { PACK_NAMES } from "@sdh/packs/names";

// The draft loop through the official SDKs against a local server that speaks their wire formats
// (no hosted model is reachable from here): drafts, repairs, failures, retries, budget, cache,
// sessions, and what leaves the machine.

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");
const GOOD = fixture("clinic-draft.json");
const INVALID = fixture("clinic-draft-invalid.json");
const REQUIREMENTS = "Outpatient clinic test data: 500 patients and their appointments over the last year, in the US, as CSV and Parquet. Copays between $0 and $500; phone is sometimes missing.";
const FAST_RETRY = { attempts: 4, baseDelayMs: 100, maxDelayMs: 2_000, totalMs: 20_000 };

const server = new WireServer();
let base = "";
let work = "";
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.script = [];
  work = mkdtempSync(join(tmpdir(), "sdh-draft-"));
});

const openai = (env: NodeJS.ProcessEnv = { OPENAI_API_KEY: server.key, OPENAI_BASE_URL: `${base}/v1` }, timeoutMs = 10_000) => chooseProvider({ model: "local-model", env, timeoutMs });
const settings = { samples: [], sendSampleStats: true, maxRepairs: 3, tokenBudget: 200_000, maxAnswerTokens: 8_000 };
const run = (provider: DraftProvider, extra: Partial<RunDraftOptions> = {}) =>
  runDraft({ folder: join(work, "draft"), start: { requirements: REQUIREMENTS }, provider, settings, answers: {}, assumeDefaults: true, useCache: true, retry: FAST_RETRY, out: "clinic.yaml", ...extra });

describe("sdh draft against the providers' wire formats", () => {
  it("drafts a valid recipe through the OpenAI SDK: JSON mode, the key as a bearer token, the requirements and clarifications sent", async () => {
    server.script = [{ content: GOOD }];
    const { outcome } = await run(openai());
    expect(outcome.entities).toEqual(["patients", "appointments"]);
    expect(outcome.rounds).toBe(1);
    const [request] = server.requests;
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.headers.authorization).toBe(`Bearer ${server.key}`);
    expect(request!.body).toMatchObject({ model: "local-model", response_format: { type: "json_object" }, temperature: 0 });
    const messages = request!.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]!.role).toBe("system");
    expect(messages[0]!.content).toContain("card_number_test");
    expect(messages[1]!.content).toContain(REQUIREMENTS);
    // Every question the requirements answered is not asked; relationships was left open here.
    expect(messages[1]!.content).toMatch(/Which tables are there[\s\S]*Not stated; assume/);
    // The header says where it came from and lists every assumption, the model's and sdh's.
    expect(outcome.text).toMatch(/^# Drafted by `sdh draft` \(session \d{8}-[0-9a-f]{8}\) with openai local-model/);
    expect(outcome.text).toContain("# Assumptions (not stated in the requirements):");
    expect(outcome.text).toContain("#   - relationships: as the requirements imply");
    expect(outcome.text).toContain("#   - Each patient has 2.5 appointments on average (Poisson, at most 20).");
    expect(outcome.text).toContain("--formats csv,parquet");
    expect(outcome.text).not.toContain(server.key);
  });

  it("drafts through the Anthropic SDK: the Messages API, the key in x-api-key, the system prompt apart", async () => {
    server.script = [{ content: `Here is the recipe:\n${GOOD}` }];
    const provider = chooseProvider({ model: "claude-local", env: { ANTHROPIC_API_KEY: server.key, ANTHROPIC_BASE_URL: base }, timeoutMs: 10_000 });
    expect(provider.kind).toBe("anthropic");
    const { outcome } = await run(provider);
    expect(outcome.name).toBe("clinic-visits");
    const [request] = server.requests;
    expect(request!.path).toBe("/v1/messages");
    expect(request!.headers["x-api-key"]).toBe(server.key);
    expect(request!.headers["anthropic-version"]).toBeTruthy();
    expect(typeof request!.body.system).toBe("string");
    expect(request!.body).toMatchObject({ model: "claude-local", max_tokens: 8000 });
  });

  it("drafts through Azure OpenAI: the deployment in the path, the key in api-key, the API version", async () => {
    server.script = [{ content: GOOD }];
    const provider = chooseProvider({ model: "recipes-gpt", env: { AZURE_OPENAI_API_KEY: server.key, AZURE_OPENAI_ENDPOINT: base, OPENAI_API_VERSION: "2024-10-21" }, timeoutMs: 10_000 });
    await run(provider);
    expect(server.requests[0]!.path).toBe("/openai/deployments/recipes-gpt/chat/completions?api-version=2024-10-21");
    expect(server.requests[0]!.headers["api-key"]).toBe(server.key);
  });

  it("asks again without JSON mode when an OpenAI-compatible server refuses response_format", async () => {
    server.script = [{ status: 400, message: "response_format is not supported by this server" }, { content: `\`\`\`json\n${GOOD}\n\`\`\`` }];
    const { outcome } = await run(openai());
    expect(outcome.name).toBe("clinic-visits");
    expect(server.requests.map((r) => "response_format" in r.body)).toEqual([true, false]);
  });

  it("sends a draft's problems back and writes the repaired recipe", async () => {
    server.script = [{ content: INVALID }, { content: GOOD }];
    const { outcome, store } = await run(openai());
    expect(outcome.rounds).toBe(2);
    const repair = (server.requests[1]!.body.messages as Array<{ role: string; content: string }>).at(-1)!.content;
    expect(repair).toContain("entities.appointments.fields.copay.type: unknown type 'monie'; the types are: first_name");
    expect(repair).toContain("entities.patients.key: the key 'id' is not one of the entity's fields");
    const session = await store.session(outcome.sessionId);
    // Each version: the bad draft, the repaired one, and the file as written (with its header).
    expect(session!.recipes.map((r) => r.valid)).toEqual([0, 1, 1]);
    expect(session!.recipes.at(-1)!.text).toBe(outcome.text);
    expect(session!.exchanges).toHaveLength(2);
  });

  it("fails clearly when no round gives a valid recipe, and keeps every version in the session", async () => {
    server.script = [{ content: INVALID }, { content: "not json at all" }, { content: GOOD.replace('"name": "clinic-visits"', '"name": "pc"') }];
    const failure = await run(openai(), { settings: { ...settings, maxRepairs: 2 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DraftError);
    expect((failure as Error).message).toMatch(/^no valid recipe after 3 rounds \(2 repairs\); nothing was written/);
    const store = new SessionStore(join(work, "draft"));
    const [session] = await store.list();
    expect(session!.status).toBe("failed");
    const recorded = await store.session(session!.id);
    expect(recorded!.recipes.map((r) => r.valid)).toEqual([0, 0, 0]);
    expect(JSON.parse(recorded!.recipes[1]!.problems!)).toEqual(['the answer is not one JSON object; answer with {"recipe": {...}, "assumptions": [...]} and nothing else']);
    expect(JSON.parse(recorded!.recipes[2]!.problems!)).toEqual([`name: 'pc' is the name of a shipped pack (${PACK_NAMES.join(", ")}); choose another`]);
  });

  it("backs off after a 429, honouring Retry-After, and succeeds", async () => {
    server.script = [{ status: 429, message: "Rate limit reached", headers: { "retry-after": "1" } }, { content: GOOD }];
    const retries: number[] = [];
    const started = performance.now();
    const { outcome, store } = await run(openai(), { onEvent: (e) => e.event === "retry" && retries.push(e.delayMs) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(retries).toEqual([1000]);
    expect((await store.session(outcome.sessionId))!.exchanges[0]!.attempts).toBe(2);
  });

  it("retries a request that times out, with exponential backoff and jitter", async () => {
    server.script = [{ delayMs: 3_000, content: GOOD }, { status: 503, message: "overloaded" }, { content: GOOD }];
    const retries: number[] = [];
    const { outcome } = await run(openai(undefined, 700), { onEvent: (e) => e.event === "retry" && retries.push(e.delayMs) });
    expect(outcome.rounds).toBe(1);
    // Equal jitter: attempt n waits between half and all of base × 2^(n-1).
    expect(retries).toHaveLength(2);
    expect(retries[0]).toBeGreaterThanOrEqual(50);
    expect(retries[0]).toBeLessThanOrEqual(100);
    expect(retries[1]).toBeGreaterThanOrEqual(100);
    expect(retries[1]).toBeLessThanOrEqual(200);
  });

  it("names the variable of a refused key, never its value, and does not retry it", async () => {
    const failure = await run(openai({ OPENAI_API_KEY: "sk-wrong-0000", OPENAI_BASE_URL: `${base}/v1` })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as Error).message).toBe(`the OpenAI-compatible server at ${base}/v1 refused the API key (401): check OPENAI_API_KEY`);
    expect(server.requests).toHaveLength(1);
    const [session] = await new SessionStore(join(work, "draft")).list();
    expect(JSON.stringify(session)).not.toContain("sk-wrong-0000");
  });

  it("stops at the token budget, and a resumed session with a larger one continues from the cache", async () => {
    server.script = [{ content: INVALID, inputTokens: 9_000, outputTokens: 800 }];
    const failure = await run(openai(), { settings: { ...settings, tokenBudget: 10_000 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TokenBudgetError);
    expect((failure as Error).message).toMatch(/^the token budget of 10,000 is spent: 9,800 used/);
    expect(server.requests).toHaveLength(1);
    const id = (failure as { sessionId: string }).sessionId;

    server.script = [{ content: GOOD }];
    const { outcome, store } = await run(openai(), { start: { resume: id }, settings: { ...settings, tokenBudget: 100_000 } });
    expect(outcome.sessionId).toBe(id);
    // The first round came from the cache: one more request, the repair.
    expect(server.requests).toHaveLength(2);
    expect(outcome.rounds).toBe(2);
    const recorded = (await store.session(id))!;
    expect(recorded.exchanges.map((x) => x.cached)).toEqual([0, 1, 0]);
    // The session counts the tokens of both runs; this run's budget only its own.
    expect(recorded.session.tokens).toBe(9_800 + recorded.exchanges[2]!.inputTokens + recorded.exchanges[2]!.outputTokens);
    expect(outcome.tokens).toBe(recorded.exchanges[2]!.inputTokens + recorded.exchanges[2]!.outputTokens);
  });

  it("answers a re-run from the cache: no request, the same recipe", async () => {
    server.script = [{ content: INVALID }, { content: GOOD }];
    const first = await run(openai());
    const again = await run(openai());
    expect(server.requests).toHaveLength(2);
    const body = (text: string) => text.replace(/session \S+/, "session …");
    expect(body(again.outcome.text)).toBe(body(first.outcome.text));
    expect(again.outcome.tokens).toBe(0);
  });

  it("asks what the requirements leave open, ranked by impact, and refuses to guess without a terminal", async () => {
    expect(questionsFor("Customer table for a CRM test.").map((q) => [q.id, q.impact])).toEqual([
      ["relationships", 1],
      ["records", 2],
      ["ranges", 3],
      ["nulls", 4],
      ["locale", 5],
      ["formats", 6],
    ]);
    expect(questionsFor(REQUIREMENTS).map((q) => q.id)).toEqual(["relationships"]);
    const failure = await run(openai(), { assumeDefaults: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenQuestionsError);
    expect((failure as Error).message).toContain("relationships: Which tables are there");
    expect(server.requests).toHaveLength(0);

    // Asked in a terminal: the answer goes to the model as an answer, not an assumption.
    server.script = [{ content: GOOD }];
    const asked: string[] = [];
    const { outcome } = await run(openai(), { start: { resume: (failure as OpenQuestionsError).sessionId }, assumeDefaults: false, ask: async (q) => (asked.push(q.id), "patients, each with 0-20 appointments") });
    expect(asked).toEqual(["relationships"]);
    expect((server.requests[0]!.body.messages as Array<{ content: string }>)[1]!.content).toContain("Answer: patients, each with 0-20 appointments");
    expect(outcome.text).toContain("# Answers given:\n#   - relationships: patients, each with 0-20 appointments");
  });

  it("sends a sample's summary but never a row, and with --no-sample-stats nothing of it; learned fields are merged here", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i + 1},Zebediah${i}Quarrington,zq${i}.private@realmail.test,${["commercial", "medicare", "medicaid"][i % 3]},${(20 + ((i * 37) % 80)).toFixed(2)}`);
    const sample = join(work, "patients.csv");
    writeFileSync(sample, `patient_no,full_name,email,plan,copay\n${rows.join("\n")}\n`);
    for (const sendSampleStats of [true, false]) {
      server.requests.length = 0;
      server.script = [{ content: GOOD }];
      const { outcome } = await run(openai(), { settings: { ...settings, samples: [sample], sendSampleStats }, useCache: false });
      const sent = server.requests.map((r) => r.raw).join("\n");
      for (const row of rows) for (const cell of row.split(",").slice(1, 3)) expect(sent).not.toContain(cell);
      expect(sent).not.toContain("realmail");
      if (sendSampleStats) expect(sent).toContain('\\"entity\\":\\"patients\\"');
      else expect(sent).not.toContain("patient_no");
      // The draft's patients.plan took the sample's learned shares, on this machine.
      expect(outcome.merged).toContain("patients.plan");
      expect(outcome.text).toMatch(/plan:\s*\n?\s*type: category/);
    }
  });

  it("lists sessions and prunes the old ones", async () => {
    server.script = [{ content: GOOD }];
    const { outcome } = await run(openai());
    const store = new SessionStore(join(work, "draft"));
    expect((await store.list()).map((s) => s.id)).toEqual([outcome.sessionId]);
    expect(await store.prune(new Date(Date.now() - 60_000))).toEqual([]);
    expect(await store.prune(new Date(Date.now() + 60_000))).toEqual([outcome.sessionId]);
    expect(await store.list()).toEqual([]);
    rmSync(work, { recursive: true, force: true });
  });
});
