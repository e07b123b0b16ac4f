/**
 * A draft's token budget: input and output tokens of every exchange the provider charged for (an
 * answer from the cache costs nothing). Checked before each request, with the request's input
 * estimated at 3 characters a token (pessimistic for English and JSON); one answer can pass the
 * budget by at most the answer size asked for.
 */
export class TokenBudget {
  used = 0;
  constructor(readonly limit: number) {}

  /** Throws when the request would start past the budget. */
  check(request: { system: string; messages: ReadonlyArray<{ content: string }> }): void {
    const chars = request.system.length + request.messages.reduce((s, m) => s + m.content.length, 0);
    const estimate = Math.ceil(chars / 3);
    if (this.used + estimate > this.limit) throw new TokenBudgetError(this.limit, this.used, estimate);
  }

  charge(tokens: { inputTokens: number; outputTokens: number }): void {
    this.used += tokens.inputTokens + tokens.outputTokens;
  }
}

export class TokenBudgetError extends Error {
  override name = "TokenBudgetError";
  constructor(
    readonly limit: number,
    readonly used: number,
    readonly estimate: number,
  ) {
    super(`the token budget of ${limit.toLocaleString("en-US")} is spent: ${used.toLocaleString("en-US")} used, and the next request needs about ${estimate.toLocaleString("en-US")} more`);
  }
}
