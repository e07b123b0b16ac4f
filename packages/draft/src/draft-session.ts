import { join } from "node:path";
import { learnFromTables, readSampleFile, type LearnedRecipe } from "@sdh/learn";
import { questionsFor, QUESTION_IDS, formatsOf, type Question, type QuestionId } from "./ambiguity.js";
import { draftRecipe, type DraftEvent } from "./draft-recipe.js";
import { mergeLearned } from "./merge-learned.js";
import type { Clarification } from "./prompt.js";
import type { DraftProvider } from "./providers/provider.js";
import { withHeader } from "./recipe-header.js";
import { ResponseCache } from "./response-cache.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry-policy.js";
import { sampleSummary } from "./sample-summary.js";
import { SessionError, SessionStore, type AnswerRow } from "./session-store.js";
import { TokenBudget } from "./token-budget.js";

/** Sessions not changed for this long are pruned when a draft starts. */
export const DEFAULT_KEEP_DAYS = 90;

export interface DraftSettings {
  /** Sample files learned on this machine (--sample). */
  samples: string[];
  /** Whether the learned summary is sent to the model (--no-sample-stats: false). */
  sendSampleStats: boolean;
  maxRepairs: number;
  tokenBudget: number;
  maxAnswerTokens: number;
}

export interface RunDraftOptions {
  /** The draft folder: sessions.sqlite and cache/ (default .sdh/draft). */
  folder: string;
  /** A new session's requirements (and its id, when the caller names it first), or the id of one to continue. */
  start: { requirements: string; id?: string } | { resume: string };
  provider: DraftProvider;
  /** A new session's settings; a resumed session keeps its own except the budget and repairs given here. */
  settings: DraftSettings;
  /** Answers given up front (--answers FILE), by question id. */
  answers: Partial<Record<QuestionId, string>>;
  /** Asks one question in a terminal; undefined takes the default. Absent: no terminal. */
  ask?: ((question: Question, index: number, total: number) => Promise<string | undefined>) | undefined;
  /** --yes: take every open question's default, recorded as an assumption. */
  assumeDefaults: boolean;
  useCache: boolean;
  retry?: RetryPolicy;
  out: string;
  onEvent?: (event: DraftEvent) => void;
  onProgress?: (line: string) => void;
}

export interface DraftOutcome {
  sessionId: string;
  /** The recipe with its header, ready to write. */
  text: string;
  name: string;
  entities: string[];
  rounds: number;
  tokens: number;
  assumptions: number;
  merged: string[];
}

/** Questions still open where nothing may ask them: what to give, and how. */
export class OpenQuestionsError extends Error {
  override name = "OpenQuestionsError";
  constructor(
    readonly sessionId: string,
    readonly questions: Question[],
  ) {
    super(
      `the requirements leave ${questions.length} question${questions.length === 1 ? "" : "s"} open and there is no terminal to ask them in:\n${questions.map((q) => `  ${q.id}: ${q.text} (default: ${q.defaultAnswer})`).join("\n")}\nAnswer them in a file (--answers FILE, YAML or JSON: ${questions.map((q) => `${q.id}: …`).join(", ")}) or take the defaults as assumptions (--yes); continue with: sdh draft --resume ${sessionId} --answers FILE`,
    );
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 2000);

/**
 * One draft, start to end: the session (new or resumed), the questions the requirements leave open
 * (answered from the file, asked in the terminal, or assumed), the sample learned here, the draft loop,
 * and the recipe's text with its header. The caller writes the file and marks the session written.
 */
export async function runDraft(options: RunDraftOptions): Promise<{ outcome: DraftOutcome; store: SessionStore }> {
  const store = new SessionStore(options.folder);
  await store.prune(new Date(Date.now() - DEFAULT_KEEP_DAYS * 86_400_000));
  const { provider } = options;
  const endpoint = { provider: provider.kind, model: provider.model, endpoint: provider.endpoint };

  let sessionId: string;
  let requirements: string;
  let settings: DraftSettings;
  let stored: AnswerRow[] = [];
  /** Tokens the session spent before this run (a resumed one): its record counts them all. */
  let spentBefore = 0;
  if ("resume" in options.start) {
    const found = await store.session(options.start.resume);
    if (!found) throw new SessionError(`no draft session '${options.start.resume}' (see sdh draft sessions)`);
    sessionId = found.session.id;
    requirements = found.session.requirements;
    settings = { ...(JSON.parse(found.session.settings) as DraftSettings), maxRepairs: options.settings.maxRepairs, tokenBudget: options.settings.tokenBudget, maxAnswerTokens: options.settings.maxAnswerTokens };
    stored = found.answers;
    spentBefore = found.session.tokens;
    await store.update(sessionId, { ...endpoint, status: "asking", failure: null, settings: JSON.stringify(settings) });
  } else {
    sessionId = options.start.id ?? SessionStore.newId();
    requirements = options.start.requirements;
    settings = options.settings;
    await store.create({ id: sessionId, requirements, ...endpoint, status: "asking", settings: JSON.stringify(settings) });
  }

  try {
    // The sample is read and learned here; what leaves is the summary, and only if allowed.
    let learned: LearnedRecipe | undefined;
    if (settings.samples.length) {
      options.onProgress?.(`learning from ${settings.samples.join(", ")} on this machine`);
      learned = learnFromTables(await Promise.all(settings.samples.map((file) => readSampleFile(file))), { k: 5 });
    }
    const known = learned ? { records: learned.recipe.document.records ?? 0, tables: learned.recipe.order.length } : undefined;

    // Questions: those stored (a resumed session) keep their answers; the open ones are answered now.
    const questions = questionsFor(requirements, known);
    const answers = new Map(stored.filter((a) => a.answer !== null).map((a) => [a.id, a]));
    const open = questions.filter((q) => !answers.has(q.id));
    const rows: AnswerRow[] = [];
    const unasked: Question[] = [];
    for (const [i, q] of open.entries()) {
      const given = options.answers[q.id];
      const asked = given === undefined && !options.assumeDefaults && options.ask ? await options.ask(q, i, open.length) : undefined;
      const answer = given ?? asked;
      if (answer !== undefined && oneLine(answer)) rows.push({ id: q.id, ordinal: q.impact, question: q.text, defaultAnswer: q.defaultAnswer, answer: oneLine(answer), assumed: 0 });
      else if (options.assumeDefaults || options.ask) rows.push({ id: q.id, ordinal: q.impact, question: q.text, defaultAnswer: q.defaultAnswer, answer: q.defaultAnswer, assumed: 1 });
      else unasked.push(q);
    }
    await store.saveAnswers(sessionId, [...rows, ...unasked.map((q) => ({ id: q.id, ordinal: q.impact, question: q.text, defaultAnswer: q.defaultAnswer, answer: null, assumed: 0 }))]);
    if (unasked.length) throw new OpenQuestionsError(sessionId, unasked);
    for (const row of rows) answers.set(row.id, row);
    const ordered = [...answers.values()].sort((a, b) => QUESTION_IDS.indexOf(a.id as QuestionId) - QUESTION_IDS.indexOf(b.id as QuestionId));
    // Formats are the build's, not the recipe's: they go into the header's command, not to the model.
    const clarifications: Clarification[] = ordered.filter((a) => a.id !== "formats").map((a) => ({ question: a.question, answer: a.answer!, assumed: a.assumed === 1 }));

    await store.update(sessionId, { status: "drafting" });
    const budget = new TokenBudget(settings.tokenBudget);
    const result = await draftRecipe(
      { requirements, clarifications, sample: learned && settings.sendSampleStats ? sampleSummary(learned) : undefined },
      {
        provider,
        cache: options.useCache ? new ResponseCache(join(options.folder, "cache")) : null,
        budget,
        retry: options.retry ?? DEFAULT_RETRY,
        maxRepairs: settings.maxRepairs,
        maxAnswerTokens: settings.maxAnswerTokens,
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        onExchange: async (x) => {
          await store.addExchange(sessionId, { request: JSON.stringify(x.request), response: JSON.stringify(x.response), inputTokens: x.response.inputTokens, outputTokens: x.response.outputTokens, cached: x.cached ? 1 : 0, attempts: x.attempts });
          await store.update(sessionId, { tokens: spentBefore + budget.used });
        },
        onRecipe: async (v) => void (await store.addRecipe(sessionId, { text: v.text, valid: v.valid ? 1 : 0, problems: v.valid ? null : JSON.stringify(v.problems) })),
      },
    );
    let { text, recipe } = result;
    let merged: string[] = [];
    if (learned) ({ text, recipe, merged } = mergeLearned(text, learned));
    const doc = recipe.document;
    const withComments = withHeader(text, {
      sessionId,
      provider: provider.kind,
      model: provider.model,
      requirements,
      clarifications: ordered.map((a) => ({ id: a.id, answer: a.answer!, assumed: a.assumed === 1 })),
      modelAssumptions: result.assumptions,
      merged,
      out: options.out,
      name: doc.name,
      records: doc.records,
      // Said in the requirements, or answered: the build's formats for the header's command.
      formats: formatsOf(answers.get("formats")?.answer ?? requirements),
    });
    // The session's last version is the file as written: header, merge and all.
    await store.addRecipe(sessionId, { text: withComments, valid: 1, problems: null });
    return {
      store,
      outcome: { sessionId, text: withComments, name: doc.name, entities: recipe.order, rounds: result.rounds, tokens: budget.used, assumptions: result.assumptions.length + ordered.filter((a) => a.assumed === 1).length, merged },
    };
  } catch (error) {
    if (!(error instanceof OpenQuestionsError)) await store.update(sessionId, { status: "failed", failure: (error as Error).message.slice(0, 4000) });
    (error as { sessionId?: string }).sessionId = sessionId;
    throw error;
  }
}
