/** A mistake in how the command was called: exit code 2, with what was wrong and what is allowed. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Exit codes, documented in the README: 0 ok, 1 the work failed, 2 usage or configuration error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
