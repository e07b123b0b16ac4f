import { setTimeout as sleep } from "node:timers/promises";

/** Polls `probe` until it returns true, or fails with what was awaited and the last error seen. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 250, isAlive }: { timeoutMs?: number; intervalMs?: number; isAlive?: () => boolean } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  while (performance.now() < deadline) {
    if (isAlive && !isAlive()) throw new Error(`${what}: the process exited before it answered`);
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
  throw new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)}s${detail}`);
}

/** Polls `probe` until it returns a value (not undefined), and returns it; fails naming what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, { timeoutMs = 60_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  let found: T | undefined;
  await waitUntil(
    what,
    async () => {
      found = await probe();
      return found !== undefined;
    },
    { timeoutMs, intervalMs },
  );
  return found as T;
}
