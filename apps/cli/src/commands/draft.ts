import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { chooseProvider, DEFAULT_KEEP_DAYS, DraftError, OpenQuestionsError, ProviderError, ProviderSetupError, QUESTION_IDS, runDraft, SessionError, SessionStore, TokenBudgetError, type DraftEvent, type Question, type QuestionId } from "@sdh/draft";
import { LearnError, SampleError } from "@sdh/learn";
import { NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { parse as parseYaml } from "yaml";
import { commandArgs } from "../command-args.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { writeWhole } from "../write-whole.js";

/** Requirements and answer files are a page or two of text. */
const MAX_TEXT_BYTES = 64 * 1024;

export async function draft(args: string[], settings: Settings): Promise<number> {
  if (args[0] === "sessions") return sessions(args.slice(1), settings);
  const { values, positionals } = commandArgs("draft", {
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      from: { type: "string" },
      answers: { type: "string" },
      yes: { type: "boolean", default: false },
      sample: { type: "string", multiple: true },
      "no-sample-stats": { type: "boolean", default: false },
      resume: { type: "string" },
      provider: { type: "string" },
      model: { type: "string" },
      "base-url": { type: "string" },
      "max-repairs": { type: "string" },
      "token-budget": { type: "string" },
      "request-timeout": { type: "string" },
      "draft-dir": { type: "string" },
      "no-cache": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError(`draft takes the requirements as one argument (quote them); got ${positionals.length}`);
  const given = [positionals.length === 1 && "the requirements argument", values.from && "--from", values.resume && "--resume"].filter(Boolean);
  if (given.length !== 1) throw new UsageError(given.length ? `give one of the requirements argument, --from FILE and --resume ID, not ${given.join(" and ")}` : 'draft needs requirements: sdh draft "what the data is for and what it holds" --out RECIPE (or --from FILE, or --resume ID)');
  if (!values.out) throw new UsageError("draft needs --out RECIPE: where to write the recipe");
  if (values.answers && values.yes) throw new UsageError("--answers and --yes contradict each other: give one");
  if (values.resume && values.sample) throw new UsageError("--sample belongs to a new draft; a resumed session keeps its own samples");
  if (values["no-sample-stats"] && !values.sample) throw new UsageError("--no-sample-stats needs --sample FILE");
  const requirements = positionals.length === 1 ? positionals[0]!.trim() : values.from ? readText(values.from, "--from") : undefined;
  if (requirements !== undefined && requirements.length < 10) throw new UsageError("the requirements are too short to draft from: say what the data is for and what it holds");
  const answers = values.answers ? readAnswers(values.answers) : {};
  const out = resolve(values.out);
  if (existsSync(out) && !values.force) throw new UsageError(`${values.out} exists; give --force to replace it, or another --out`);
  if (!existsSync(dirname(out))) throw new UsageError(`--out ${values.out}: the folder ${dirname(values.out)} does not exist`);

  const setting = (flag: string, key: string) => (values as Record<string, unknown>)[flag] as string | undefined ?? settings.get(key);
  const whole = (flag: string, key: string, fallback: number, min: number) => {
    const raw = setting(flag, key);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${flag} '${raw}' is not a whole number ≥ ${min}`);
    return Number(raw);
  };
  const maxRepairs = whole("max-repairs", "draft.maxRepairs", 3, 0);
  const tokenBudget = whole("token-budget", "draft.tokenBudget", 100_000, 1000);
  const timeoutMs = whole("request-timeout", "draft.requestTimeout", 120, 1) * 1000;
  let provider;
  try {
    provider = chooseProvider({ provider: setting("provider", "draft.provider"), model: setting("model", "draft.model"), baseUrl: setting("base-url", "draft.baseUrl"), timeoutMs, env: process.env });
  } catch (error) {
    if (error instanceof ProviderSetupError) throw new UsageError(error.message);
    throw error;
  }

  const progress = (line: string) => (process.stderr.isTTY || values.verbose) && process.stderr.write(`${line}\n`);
  const onEvent = (event: DraftEvent) => {
    if (values.verbose) process.stderr.write(`${JSON.stringify({ ...event, at: new Date().toISOString() })}\n`);
    else if (process.stderr.isTTY) {
      if (event.event === "request") progress(`round ${event.round}: asking ${event.provider} ${event.model}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`);
      if (event.event === "retry") progress(`  ${event.reason}; retrying in ${(event.delayMs / 1000).toFixed(1)} s`);
      if (event.event === "answer" && event.cached) progress(`round ${event.round}: answered from the cache`);
      if (event.event === "invalid") progress(`  the draft has ${event.problems.length} problem${event.problems.length === 1 ? "" : "s"}; sending them back for repair`);
    }
  };
  // A terminal asks; a pipe or a script gives --answers or --yes.
  const interactive = process.stdin.isTTY && !values.yes;
  const folder = resolve(setting("draft-dir", "draft.dir") ?? ".sdh/draft");
  try {
    const { outcome, store } = await runDraft({
      folder,
      start: values.resume ? { resume: values.resume } : { requirements: requirements! },
      provider,
      settings: { samples: (values.sample ?? []).map((f) => resolve(f)), sendSampleStats: !values["no-sample-stats"], maxRepairs, tokenBudget, maxAnswerTokens: 8_000 },
      answers,
      ask: interactive ? askInTerminal : undefined,
      assumeDefaults: values.yes,
      useCache: !values["no-cache"],
      out: values.out,
      onEvent,
      onProgress: progress,
    });
    writeWhole(out, outcome.text);
    await store.update(outcome.sessionId, { status: "written", out });
    console.log(`Drafted ${outcome.name} (${outcome.entities.length} entit${outcome.entities.length === 1 ? "y" : "ies"}: ${outcome.entities.join(", ")}) in ${outcome.rounds} round${outcome.rounds === 1 ? "" : "s"} → ${values.out}`);
    console.log(`  session ${outcome.sessionId} · ${provider.kind} ${provider.model} · ${outcome.tokens.toLocaleString("en-US")} tokens · ${outcome.assumptions} assumption${outcome.assumptions === 1 ? "" : "s"} (listed in the file's header)${outcome.merged.length ? ` · ${outcome.merged.length} field${outcome.merged.length === 1 ? "" : "s"} learned from the sample` : ""}`);
    console.log(`Read the assumptions, then: sdh generate --recipe ${values.out} --out ./out/${outcome.name}`);
    return EXIT.ok;
  } catch (error) {
    const session = (error as { sessionId?: string }).sessionId;
    if (error instanceof OpenQuestionsError || error instanceof SampleError || error instanceof LearnError) throw new UsageError(error.message);
    if (error instanceof SessionError && /^no draft session/.test(error.message)) throw new UsageError(error.message);
    if (error instanceof TokenBudgetError) throw new Error(`${error.message}; nothing was written. Continue with a larger budget (answers already received come from the cache): sdh draft --resume ${session} --token-budget ${Math.max(tokenBudget * 2, error.used + error.estimate + 10_000)} --out ${values.out}`, { cause: error });
    if (error instanceof DraftError || error instanceof ProviderError) throw new Error(`${error.message}${session ? `\nThe session keeps every exchange: sdh draft --resume ${session} --out ${values.out}` : ""}`, { cause: error });
    throw error;
  }
}

/** One question at the terminal; Enter takes the default shown, end of input too. */
async function askInTerminal(question: Question, index: number, total: number): Promise<string | undefined> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question(`(${index + 1}/${total}) ${question.text}\n  [${question.defaultAnswer}] > `);
    return answer.trim() === "" ? question.defaultAnswer : answer;
  } catch {
    return undefined;
  } finally {
    terminal.close();
  }
}

function readText(path: string, flag: string): string {
  try {
    return readRegularFileSync(resolve(path), { maxBytes: MAX_TEXT_BYTES, label: `${flag} ${path}` }).toString("utf8").trim();
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new UsageError(`${error.message}; ${flag} takes a regular text file of at most 64 KiB`);
    throw new UsageError(`${flag} ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** --answers FILE: an object of question ids to answers, checked before anything is sent. */
function readAnswers(path: string): Partial<Record<QuestionId, string>> {
  let raw: unknown;
  try {
    raw = parseYaml(readText(path, "--answers"));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--answers ${path}: not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new UsageError(`--answers ${path} must be an object of answers by question: ${QUESTION_IDS.join(", ")}`);
  const out: Partial<Record<QuestionId, string>> = {};
  for (const [id, value] of Object.entries(raw)) {
    if (!(QUESTION_IDS as readonly string[]).includes(id)) throw new UsageError(`--answers ${path}: '${id}' is not a question; the questions are: ${QUESTION_IDS.join(", ")}`);
    if (typeof value !== "string" && typeof value !== "number") throw new UsageError(`--answers ${path}: ${id} must be text or a number`);
    out[id as QuestionId] = String(value);
  }
  return out;
}

async function sessions(args: string[], settings: Settings): Promise<number> {
  const { values, positionals } = commandArgs("draft", { args, allowPositionals: false, options: { prune: { type: "boolean", default: false }, "older-than": { type: "string" }, json: { type: "boolean", default: false }, "draft-dir": { type: "string" } } });
  void positionals;
  if (values["older-than"] && !values.prune) throw new UsageError("--older-than goes with --prune");
  const days = values["older-than"] === undefined ? DEFAULT_KEEP_DAYS : /^\d+d?$/.test(values["older-than"]) ? Number.parseInt(values["older-than"], 10) : NaN;
  if (!Number.isInteger(days) || days < 0) throw new UsageError(`--older-than '${values["older-than"]}' is not a number of days (e.g. 30 or 30d)`);
  const store = new SessionStore(resolve(values["draft-dir"] ?? settings.get("draft.dir") ?? ".sdh/draft"));
  if (values.prune) {
    const pruned = await store.prune(new Date(Date.now() - days * 86_400_000));
    console.log(`Pruned ${pruned.length} session${pruned.length === 1 ? "" : "s"} unchanged for ${days} days${pruned.length ? `: ${pruned.join(", ")}` : ""}`);
    return EXIT.ok;
  }
  const rows = await store.list();
  if (values.json) {
    console.log(JSON.stringify(rows.map(({ settings: _s, ...row }) => row), null, 2));
    return EXIT.ok;
  }
  if (rows.length === 0) {
    console.log("No draft sessions.");
    return EXIT.ok;
  }
  for (const row of rows) {
    const requirements = row.requirements.replace(/\s+/g, " ");
    console.log(`${row.id}  ${row.updated.slice(0, 16).replace("T", " ")}  ${row.status.padEnd(8)}  ${row.provider} ${row.model}  ${row.tokens.toLocaleString("en-US")} tokens${row.out ? `  → ${row.out}` : ""}\n    ${requirements.length > 100 ? `${requirements.slice(0, 100)}…` : requirements}`);
  }
  return EXIT.ok;
}
