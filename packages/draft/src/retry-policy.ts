import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ProviderError } from "./providers/provider.js";

/**
 * Retries of one model request: exponential backoff with equal jitter (half the delay fixed, half
 * random, so clients that failed together do not retry together), a server's Retry-After when it
 * sent one, and a bound on the whole wait so a draft never retries for longer than it was told to.
 */
export interface RetryPolicy {
  /** Attempts at most, the first included. */
  attempts: number;
  /** The first delay; each next one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time from the first attempt after which no retry starts. */
  totalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, totalMs: 180_000 };

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  reason: string;
}

/** The delay before attempt `attempt + 1`: Retry-After if the server said, else backoff with jitter. */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.min(policy.maxDelayMs, Math.max(0, Math.round(retryAfterMs)));
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2) + randomInt(Math.floor(ceiling / 2) + 1);
}

export async function withRetries<T>(call: (attempt: number) => Promise<T>, policy: RetryPolicy, onRetry: (event: RetryEvent) => void): Promise<{ value: T; attempts: number }> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await call(attempt), attempts: attempt };
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable || attempt >= policy.attempts) throw error;
      const delayMs = retryDelay(policy, attempt, error.retryAfterMs);
      if (performance.now() - started + delayMs > policy.totalMs) throw new ProviderError(`${error.message}; gave up after ${attempt} attempts (retries are bounded to ${Math.round(policy.totalMs / 1000)} s)`, false, error.status);
      onRetry({ attempt, delayMs, reason: error.message });
      await sleep(delayMs);
    }
  }
}
