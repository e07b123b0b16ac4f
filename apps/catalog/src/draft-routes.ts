import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { OpenQuestionsError, QUESTION_IDS, questionsFor, runDraft, SessionStore, type DraftProvider } from "@sdh/draft";
import { NoQuery, ProblemDetails } from "./api-schemas.js";
import { badRequest, Problem } from "./problem.js";
import { tokenGuards } from "./token-guards.js";

/**
 * Drafting recipes from the page (issue 36): the routes `sdh draft` would be as a service. The model
 * drafts; the recipe parser checks; the server keeps every session in the same SQLite store as the
 * CLI. Every route needs the server's token: requirements and drafts are the user's own text.
 */
export interface DraftServerOptions {
  /** The provider this server's settings describe, or why there is none (the routes then answer 503). */
  provider: DraftProvider | { problem: string };
  /** Sessions and the answer cache (`sdh serve` uses the draft folder the CLI does). */
  folder: string;
  token?: string | undefined;
  maxRepairs: number;
  tokenBudget: number;
}

/** Requirements are a page or two; answers a line each. */
const MAX_DRAFT_REQUEST_BYTES = 128 * 1024;
const SESSION_ID = /^\d{8}-[0-9a-f]{8}$/;

const Answers = z.partialRecord(z.enum(QUESTION_IDS), z.string().trim().min(1).max(2000)).describe("Answers to the open questions, by id");
const DraftRequest = z
  .strictObject({
    requirements: z.string().trim().min(10, "say what the data is for and what it holds (at least 10 characters)").max(64 * 1024).describe("What the data is for and what it holds, in words"),
    answers: Answers.optional(),
    defaults: z.boolean().optional().describe("Take every open question's default, recorded as an assumption"),
  })
  .openapi("DraftRequest");
const AnswersRequest = z.strictObject({ answers: Answers.optional(), defaults: z.boolean().optional().describe("Take the default of every question not answered") }).openapi("DraftAnswers");
const Question = z.object({ id: z.enum(QUESTION_IDS), question: z.string(), defaultAnswer: z.string(), answer: z.string().nullable(), assumed: z.boolean() });
const DraftState = z
  .object({
    sessionId: z.string(),
    status: z.enum(["asking", "drafting", "written", "failed"]).describe("asking: questions are open; drafting: the model is at work; written: `recipe` holds it; failed: `failure` says why"),
    questions: z.array(Question),
    recipe: z.string().nullable().describe("The recipe as `sdh draft` writes it (YAML with its header of assumptions), once written"),
    failure: z.string().nullable(),
    provider: z.string(),
    model: z.string(),
    tokens: z.number().int(),
  })
  .openapi("DraftState");
const DraftParams = z.object({ id: z.string().max(40).openapi({ param: { name: "id", in: "path" }, example: "20261203-91ead1ac", description: "The session id" }) });

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemDetails } } });
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });
const guarded = { 401: problem("No or wrong token"), 403: problem("Drafting disabled (no token on this server)"), 503: problem("No model provider is configured on this server") };

export function registerDraftRoutes(app: OpenAPIHono, options: DraftServerOptions | undefined): void {
  const store = options ? new SessionStore(options.folder) : null;
  /** Drafts at work in this process, by session id. */
  const running = new Map<string, Promise<void>>();
  const ready = () => {
    if (!options) throw new Problem(503, "Drafting unavailable", "this server was started without draft settings", "drafts-unavailable");
    if ("problem" in options.provider) throw new Problem(503, "Drafting unavailable", `no model provider is configured on this server: ${options.provider.problem}`, "drafts-unavailable");
    return { ...options, provider: options.provider };
  };
  app.on(["GET", "POST"], ["/drafts", "/drafts/:id", "/drafts/:id/answers"], ...tokenGuards({ available: () => void ready(), token: options?.token, maxBytes: MAX_DRAFT_REQUEST_BYTES, disabled: { title: "Drafting is disabled", type: "drafts-disabled", detail: "drafting recipes is disabled" } }));

  /** Drafts in the background; the session records the outcome, which GET /drafts/{id} reads. */
  const draftInBackground = (id: string, start: Parameters<typeof runDraft>[0]["start"], answers: z.infer<typeof Answers>, defaults: boolean) => {
    const { provider, folder, maxRepairs, tokenBudget } = ready();
    const work = runDraft({ folder, start, provider, settings: { samples: [], sendSampleStats: false, maxRepairs, tokenBudget, maxAnswerTokens: 8_000 }, answers, assumeDefaults: defaults, useCache: true, out: "recipe.yaml" })
      .then(({ outcome, store }) => store.update(outcome.sessionId, { status: "written", out: "(catalog)" }))
      // A failure is in the session (status failed, with why); nothing more to do here.
      .catch(() => undefined)
      .finally(() => running.delete(id));
    running.set(id, work);
  };

  app.openapi(
    createRoute({ method: "post", path: "/drafts", operationId: "startDraft", tags: ["drafts"], summary: "Draft a recipe from requirements in words (as `sdh draft`): the open questions first, or the draft at once", security: [{ bearer: [] }], request: { body: { content: { "application/json": { schema: DraftRequest } }, required: true } }, responses: { 200: json("Questions the requirements leave open: answer them with POST /drafts/{id}/answers", DraftState), 202: json("Drafting; follow it with GET /drafts/{id}", DraftState), 400: problem("Bad request"), ...guarded, 413: problem("The body is larger than 128 KiB"), 415: problem("The body is not application/json") } }),
    async (c) => {
      const { provider, folder } = ready();
      const body = c.req.valid("json");
      const answers = body.answers ?? {};
      const id = SessionStore.newId();
      const open = questionsFor(body.requirements).filter((q) => answers[q.id] === undefined);
      if (open.length && !body.defaults) {
        // Records the session and its questions, and stops before anything is sent to the model.
        const asked = await runDraft({ folder, start: { requirements: body.requirements, id }, provider, settings: { samples: [], sendSampleStats: false, maxRepairs: 0, tokenBudget: 1000, maxAnswerTokens: 8_000 }, answers, assumeDefaults: false, useCache: true, out: "recipe.yaml" }).catch((error: unknown) => error);
        if (!(asked instanceof OpenQuestionsError)) throw asked instanceof Error ? asked : new Error(String(asked));
        return c.json(await stateOf(store!, id), 200, { location: `/drafts/${id}` });
      }
      draftInBackground(id, { requirements: body.requirements, id }, answers, body.defaults ?? false);
      return c.json({ ...(await stateOf(store!, id, true)), status: "drafting" as const }, 202, { location: `/drafts/${id}` });
    },
  );

  app.openapi(
    createRoute({ method: "post", path: "/drafts/{id}/answers", operationId: "answerDraft", tags: ["drafts"], summary: "Answer a draft's open questions (the rest take their defaults as assumptions with `defaults`) and draft", security: [{ bearer: [] }], request: { params: DraftParams, body: { content: { "application/json": { schema: AnswersRequest } }, required: true } }, responses: { 202: json("Drafting; follow it with GET /drafts/{id}", DraftState), 400: problem("Bad request, or questions still open"), ...guarded, 404: problem("No such session"), 409: problem("The session is drafting already, or written"), 413: problem("The body is larger than 128 KiB"), 415: problem("The body is not application/json") } }),
    async (c) => {
      ready();
      const id = sessionIdOf(c.req.valid("param").id);
      const body = c.req.valid("json");
      const state = await stateOf(store!, id);
      if (running.has(id) || state.status === "written") throw new Problem(409, "Conflict", `draft ${id} is ${running.has(id) ? "drafting already" : "written"}`, "draft-conflict");
      const open = state.questions.filter((q) => q.answer === null && body.answers?.[q.id] === undefined);
      if (open.length && !body.defaults) throw badRequest(`questions still open: ${open.map((q) => q.id).join(", ")}; answer them, or send "defaults": true to take their defaults as assumptions`);
      draftInBackground(id, { resume: id }, body.answers ?? {}, true);
      return c.json({ ...(await stateOf(store!, id)), status: "drafting" as const }, 202, { location: `/drafts/${id}` });
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/drafts/{id}", operationId: "getDraft", tags: ["drafts"], summary: "A draft session: its questions, its state, and the recipe once written", security: [{ bearer: [] }], request: { params: DraftParams, query: NoQuery }, responses: { 200: json("The session", DraftState), 400: problem("Bad id"), ...guarded, 404: problem("No such session") } }),
    async (c) => {
      ready();
      const id = sessionIdOf(c.req.valid("param").id);
      const state = await stateOf(store!, id);
      // A session a stopped server left mid-draft says so, rather than "drafting" for ever.
      return c.json(state.status === "drafting" && !running.has(id) ? { ...state, status: "failed" as const, failure: state.failure ?? "the server stopped while drafting; answer again to continue" } : state, 200);
    },
  );
}

function sessionIdOf(id: string): string {
  if (!SESSION_ID.test(id)) throw badRequest(`session id '${id.slice(0, 40)}' is not one: a date and 8 hex digits, e.g. 20261203-91ead1ac`);
  return id;
}

async function stateOf(store: SessionStore, id: string, justStarted = false): Promise<z.infer<typeof DraftState>> {
  const found = await store.session(id);
  if (!found) {
    // A background draft may not have written its session yet.
    if (justStarted) return { sessionId: id, status: "drafting", questions: [], recipe: null, failure: null, provider: "", model: "", tokens: 0 };
    throw new Problem(404, "Not found", `no draft session '${id}'`, "not-found");
  }
  const { session, answers, recipes } = found;
  return {
    sessionId: id,
    status: session.status,
    questions: answers.map((a) => ({ id: a.id as (typeof QUESTION_IDS)[number], question: a.question, defaultAnswer: a.defaultAnswer, answer: a.answer, assumed: a.assumed === 1 })),
    recipe: session.status === "written" ? (recipes.at(-1)?.text ?? null) : null,
    failure: session.failure,
    provider: session.provider,
    model: session.model,
    tokens: session.tokens,
  };
}
