import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chooseProvider } from "@sdh/draft";
import { WireServer } from "@sdh/draft/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSources, serveCatalog, type ServedCatalog } from "../src/index.js";

// The draft routes (issue 36) as a script of the user's own calls them: token first, questions before
// anything is sent, drafting in the background, the session's state and recipe; a server without a
// provider or without a token says which. The model is a local server speaking OpenAI's wire format.

const tmp = () => mkdtempSync(join(tmpdir(), "sdh-catalog-drafts-"));
const TOKEN = "draft-routes-token-0123456789";
const GOOD = readFileSync(fileURLToPath(new URL("../../../packages/draft/test/fixtures/clinic-draft.json", import.meta.url)), "utf8");
const OPEN = "Clinic patients and their appointments, for scheduling tests.";
const SAID = "Clinic test data: 500 patients, each with 1-6 appointments over the last year, in the US, as CSV. Copays between $0 and $500; phone is sometimes missing.";

describe("the draft routes", () => {
  const model = new WireServer();
  const servers: ServedCatalog[] = [];
  let base = "";
  let noToken = "";
  let noProvider = "";
  const call = async (url: string, path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) => {
    const response = await fetch(`${url}${path}`, { method: init.method ?? "GET", headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` }) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    return { status: response.status, location: response.headers.get("location"), body: (await response.json()) as Record<string, unknown> & { detail?: string } };
  };
  const waitWritten = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const { body } = await call(base, `/drafts/${id}`);
      if (body.status !== "drafting") return body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the draft did not finish");
  };

  beforeAll(async () => {
    const modelUrl = await model.start();
    const provider = chooseProvider({ model: "local-model", env: { OPENAI_API_KEY: model.key, OPENAI_BASE_URL: `${modelUrl}/v1` }, timeoutMs: 10_000 });
    const serve = async (drafts: Parameters<typeof serveCatalog>[0]["drafts"]) => {
      const served = await serveCatalog({ sources: openSources([`local=${tmp()}`], {}), host: "127.0.0.1", port: 0, cacheDir: tmp(), drafts });
      servers.push(served);
      return `http://127.0.0.1:${served.port}`;
    };
    base = await serve({ provider, folder: tmp(), token: TOKEN, maxRepairs: 1, tokenBudget: 100_000 });
    noToken = await serve({ provider, folder: tmp(), maxRepairs: 1, tokenBudget: 100_000 });
    noProvider = await serve({ provider: { problem: "no model provider is configured: set OPENAI_API_KEY" }, folder: tmp(), token: TOKEN, maxRepairs: 1, tokenBudget: 100_000 });
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await model.close();
  });

  it("asks the open questions first, drafts once they are answered, and serves the recipe", async () => {
    const asked = await call(base, "/drafts", { method: "POST", body: { requirements: OPEN } });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe("asking");
    expect((asked.body.questions as Array<{ id: string }>).map((q) => q.id)).toEqual(["relationships", "records", "ranges", "nulls", "locale", "formats"]);
    expect(model.requests).toHaveLength(0);
    const id = asked.body.sessionId as string;
    expect(asked.location).toBe(`/drafts/${id}`);
    const open = await call(base, `/drafts/${id}/answers`, { method: "POST", body: { answers: { records: "300" } } });
    expect([open.status, open.body.detail]).toEqual([400, 'questions still open: relationships, ranges, nulls, locale, formats; answer them, or send "defaults": true to take their defaults as assumptions']);
    model.script = [{ content: GOOD }];
    const started = await call(base, `/drafts/${id}/answers`, { method: "POST", body: { answers: { records: "300", relationships: "patients, each with 1-6 appointments" }, defaults: true } });
    expect([started.status, started.body.status]).toEqual([202, "drafting"]);
    const done = await waitWritten(id);
    expect(done.status).toBe("written");
    expect(done.recipe).toMatch(/^# Drafted by `sdh draft` \(session /);
    expect(done.recipe).toContain("#   - records: 300");
    expect(done.questions).toContainEqual({ id: "locale", question: expect.any(String), defaultAnswer: "United States, English", answer: "United States, English", assumed: true });
    expect((await call(base, `/drafts/${id}/answers`, { method: "POST", body: { defaults: true } })).status).toBe(409);
  });

  it("drafts at once when the requirements say everything, and records a failure in the session", async () => {
    model.requests.length = 0;
    model.script = [{ content: GOOD }];
    const started = await call(base, "/drafts", { method: "POST", body: { requirements: SAID } });
    expect([started.status, started.body.status]).toEqual([202, "drafting"]);
    expect((await waitWritten(started.body.sessionId as string)).status).toBe("written");
    model.script = [{ content: "no json" }, { content: "still no json" }];
    // Other words (the same ones would be answered from the cache).
    const failing = await call(base, "/drafts", { method: "POST", body: { requirements: `${SAID} Dental clinic.`, defaults: true } });
    const failed = await waitWritten(failing.body.sessionId as string);
    expect([failed.status, failed.failure]).toEqual(["failed", expect.stringMatching(/^no valid recipe after 2 rounds \(1 repair\); nothing was written/)]);
    expect(failed.recipe).toBeNull();
  });

  it("checks token, provider, ids and bodies before it drafts", async () => {
    expect((await call(base, "/drafts/20261203-00000000", { token: null })).status).toBe(401);
    expect((await call(base, "/drafts", { method: "POST", body: { requirements: OPEN }, token: "wrong-token-0123456789" })).status).toBe(401);
    expect(await call(noToken, "/drafts", { method: "POST", body: { requirements: OPEN } })).toMatchObject({ status: 403, body: { detail: expect.stringContaining("drafting recipes is disabled: start `sdh serve` with SDH_SERVE_TOKEN set") } });
    expect(await call(noProvider, "/drafts", { method: "POST", body: { requirements: OPEN } })).toMatchObject({ status: 503, body: { detail: "no model provider is configured on this server: no model provider is configured: set OPENAI_API_KEY" } });
    expect(await call(base, "/drafts/..%2Fx")).toMatchObject({ status: 400, body: { detail: expect.stringContaining("is not one: a date and 8 hex digits") } });
    expect(await call(base, "/drafts/20261203-00000000")).toMatchObject({ status: 404, body: { detail: "no draft session '20261203-00000000'" } });
    expect((await call(base, "/drafts", { method: "POST", body: { requirements: OPEN, model: "gpt-9" } })).status).toBe(400);
    expect((await call(base, "/drafts", { method: "POST", body: { requirements: "short" } })).status).toBe(400);
    expect((await call(base, "/drafts", { method: "POST", body: { requirements: OPEN, answers: { colour: "blue" } } })).status).toBe(400);
  });
});
