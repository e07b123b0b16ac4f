// sdh draft (issue 36): requirements in words → a recipe. The model drafts; the recipe parser checks
// and the engine makes every row. See ADR 0027.
export { runDraft, OpenQuestionsError, DEFAULT_KEEP_DAYS, type RunDraftOptions, type DraftOutcome, type DraftSettings } from "./draft-session.js";
export { draftRecipe, checkDraft, DraftError, type DraftEvent, type DraftInput, type DraftOptions, type DraftResult } from "./draft-recipe.js";
export { questionsFor, formatsOf, QUESTION_IDS, type Question, type QuestionId } from "./ambiguity.js";
export { chooseProvider, providerKindOf, ProviderSetupError, PROVIDER_KINDS, type ProviderChoice } from "./providers/choose-provider.js";
export { ProviderError, type DraftProvider, type ProviderKind, type ChatRequest, type ChatResponse } from "./providers/provider.js";
export { SessionStore, SessionError, type SessionRow } from "./session-store.js";
export { TokenBudget, TokenBudgetError } from "./token-budget.js";
export { DEFAULT_RETRY, type RetryPolicy } from "./retry-policy.js";
export { sampleSummary, type SampleSummary } from "./sample-summary.js";
export { systemPrompt } from "./prompt.js";
