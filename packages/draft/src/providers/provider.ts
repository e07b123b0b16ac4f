// One interface for every model provider sdh draft talks to. A provider only answers a chat: the
// draft loop, its retries, budget, cache and session records are the same for all of them.

export type ProviderKind = "openai" | "azure" | "anthropic";

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  system: string;
  messages: ChatMessage[];
  /** The longest answer asked for, in tokens. */
  maxTokens: number;
}

export interface ChatResponse {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

export interface DraftProvider {
  readonly kind: ProviderKind;
  readonly model: string;
  /** Where requests go (no credentials): part of the cache key and of the session record. */
  readonly endpoint: string;
  complete(request: ChatRequest): Promise<ChatResponse>;
}

/**
 * A provider's refusal or failure, said so a user can act on it. `retryable` marks what a later
 * attempt may cure (429, 5xx, a timeout, a dropped connection); `retryAfterMs` is the server's own
 * Retry-After, when it sent one.
 */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterOf(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  const value = headers?.get("retry-after-ms") ?? null;
  if (value !== null && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  const after = headers?.get("retry-after") ?? null;
  if (after === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const at = Date.parse(after);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
