import { PACK_NAMES } from "@sdh/packs/names";
import { compileRecipe, parseRecipe, RecipeError, type Recipe } from "@sdh/recipes";
import { stringify as toYaml } from "yaml";
import { repairMessage, requirementsMessage, systemPrompt, type Clarification } from "./prompt.js";
import type { ChatMessage, ChatRequest, ChatResponse, DraftProvider } from "./providers/provider.js";
import { ResponseCache } from "./response-cache.js";
import { withRetries, type RetryPolicy } from "./retry-policy.js";
import type { SampleSummary } from "./sample-summary.js";
import type { TokenBudget } from "./token-budget.js";

export interface DraftInput {
  requirements: string;
  clarifications: readonly Clarification[];
  /** Sent only when the user lets the sample's summary leave the machine. */
  sample?: SampleSummary | undefined;
}

/** What a draft reports as it goes: for progress lines and structured logs (never a key). */
export type DraftEvent =
  | { event: "request"; round: number; attempt: number; provider: string; model: string }
  | { event: "retry"; round: number; attempt: number; delayMs: number; reason: string }
  | { event: "answer"; round: number; inputTokens: number; outputTokens: number; cached: boolean; attempts: number }
  | { event: "invalid"; round: number; problems: string[] }
  | { event: "valid"; round: number };

export interface DraftOptions {
  provider: DraftProvider;
  /** null: every request goes to the provider (--no-cache). */
  cache: ResponseCache | null;
  budget: TokenBudget;
  retry: RetryPolicy;
  /** Rounds of repair after the first draft. */
  maxRepairs: number;
  /** The longest answer asked for. */
  maxAnswerTokens: number;
  onEvent?: (event: DraftEvent) => void;
  /** Session hooks: each exchange and each recipe version, as they happen. */
  onExchange?: (exchange: { request: ChatRequest; response: ChatResponse; cached: boolean; attempts: number }) => Promise<void>;
  onRecipe?: (version: { text: string; valid: boolean; problems: string[] }) => Promise<void>;
}

export interface DraftResult {
  recipe: Recipe;
  /** The recipe as YAML, without a header. */
  text: string;
  assumptions: string[];
  rounds: number;
}

/** No valid recipe within the rounds allowed: the last problems, and nothing written. */
export class DraftError extends Error {
  override name = "DraftError";
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
  }
}

/** An answer is at most this long: a recipe is at most 1 MiB, and the answer carries one. */
const MAX_ANSWER_CHARS = 2 * 1024 * 1024;

/**
 * The draft loop: ask for a recipe, check it with the recipe parser and compiler (the checks any
 * recipe file gets), and send the problems back for repair, at most `maxRepairs` times. Each request
 * is answered from the cache when the same was asked before; otherwise it goes to the provider with
 * retries, inside the token budget. The model only drafts: what is returned is checked like a file a
 * user wrote, and only a recipe that passes leaves here.
 */
export async function draftRecipe(input: DraftInput, options: DraftOptions): Promise<DraftResult> {
  const messages: ChatMessage[] = [requirementsMessage(input.requirements, input.clarifications, input.sample)];
  let problems: string[] = [];
  for (let round = 1; round <= options.maxRepairs + 1; round++) {
    const request: ChatRequest = { system: systemPrompt(), messages: [...messages], maxTokens: options.maxAnswerTokens };
    const response = await ask(request, round, options);
    const checked = checkDraft(response.text);
    await options.onRecipe?.({ text: checked.text, valid: checked.ok, problems: checked.ok ? [] : checked.problems });
    if (checked.ok) {
      options.onEvent?.({ event: "valid", round });
      return { recipe: checked.recipe, text: checked.text, assumptions: checked.assumptions, rounds: round };
    }
    problems = checked.problems;
    options.onEvent?.({ event: "invalid", round, problems });
    messages.push({ role: "assistant", content: response.text }, repairMessage(problems));
  }
  throw new DraftError(`no valid recipe after ${options.maxRepairs + 1} round${options.maxRepairs ? "s" : ""} (${options.maxRepairs} repair${options.maxRepairs === 1 ? "" : "s"}); nothing was written. The last draft's problems:\n${problems.map((p) => `  ${p}`).join("\n")}`, problems);
}

async function ask(request: ChatRequest, round: number, options: DraftOptions): Promise<ChatResponse> {
  const { provider } = options;
  const key = ResponseCache.keyOf(provider, request);
  const cached = options.cache?.get(key);
  if (cached) {
    options.onEvent?.({ event: "answer", round, inputTokens: cached.inputTokens, outputTokens: cached.outputTokens, cached: true, attempts: 0 });
    await options.onExchange?.({ request, response: cached, cached: true, attempts: 0 });
    return cached;
  }
  options.budget.check(request);
  const { value: response, attempts } = await withRetries(
    (attempt) => {
      options.onEvent?.({ event: "request", round, attempt, provider: provider.kind, model: provider.model });
      return provider.complete(request);
    },
    options.retry,
    (retry) => options.onEvent?.({ event: "retry", round, ...retry }),
  );
  options.budget.charge(response);
  options.onEvent?.({ event: "answer", round, inputTokens: response.inputTokens, outputTokens: response.outputTokens, cached: false, attempts });
  await options.onExchange?.({ request, response, cached: false, attempts });
  // Every answer is kept, a bad draft too: a re-run replays the same rounds, repairs included, at no cost.
  options.cache?.put(key, response);
  return response;
}

type Checked = { ok: true; recipe: Recipe; text: string; assumptions: string[] } | { ok: false; problems: string[]; text: string };

/** A model's answer, read as data: one JSON object holding a recipe, checked as any recipe file is. */
export function checkDraft(answer: string): Checked {
  if (answer.length > MAX_ANSWER_CHARS) return { ok: false, problems: [`the answer is ${answer.length} characters; a recipe is at most 1 MiB`], text: "" };
  const json = jsonObjectIn(answer);
  if (!json.ok) return { ok: false, problems: [json.problem], text: "" };
  const body = json.value as Record<string, unknown>;
  const recipeValue = "recipe" in body && typeof body.recipe === "object" && body.recipe !== null ? body.recipe : body;
  const assumptions = Array.isArray(body.assumptions) ? body.assumptions.filter((a): a is string => typeof a === "string").map((a) => a.trim().slice(0, 500)).filter(Boolean).slice(0, 100) : [];
  const text = toYaml(recipeValue, { lineWidth: 0 });
  try {
    const recipe = parseRecipe(text, "draft");
    // As `sdh generate --recipe` would refuse it: a recipe may not pass for a shipped pack.
    if (PACK_NAMES.includes(recipe.document.name)) return { ok: false, problems: [`name: '${recipe.document.name}' is the name of a shipped pack (${PACK_NAMES.join(", ")}); choose another`], text };
    compileRecipe(recipe);
    return { ok: true, recipe, text, assumptions };
  } catch (error) {
    if (error instanceof RecipeError) return { ok: false, problems: error.problems.map((p) => `${p.path || "(the recipe)"}: ${p.message}`), text };
    return { ok: false, problems: [`the recipe cannot be built: ${(error as Error).message.split("\n")[0]}`], text };
  }
}

/** The JSON object in an answer: the whole text, or the text inside a code fence, or from the first { to the last }. */
function jsonObjectIn(answer: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const trimmed = answer.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n```$/.exec(trimmed)?.[1];
  const candidates = [trimmed, fenced, trimmed.slice(trimmed.indexOf("{"), trimmed.lastIndexOf("}") + 1)].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) return { ok: true, value };
    } catch {
      // Try the next reading.
    }
  }
  return { ok: false, problem: 'the answer is not one JSON object; answer with {"recipe": {...}, "assumptions": [...]} and nothing else' };
}
