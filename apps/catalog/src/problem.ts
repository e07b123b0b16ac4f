import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An RFC 9457 problem: every error the API returns, with the same specific words the CLI uses.
 * `type` is a stable URI per kind of problem, so clients branch on it rather than on the text.
 */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly kind: string,
  ) {
    super(detail);
  }
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The problem as its JSON body, answered for `instance` (the request path). */
export function problemResponse(c: Context, problem: Problem): Response {
  const body = { type: `https://sdh.example/problems/${problem.kind}`, title: problem.title, status: problem.status, detail: problem.detail, instance: new URL(c.req.url).pathname };
  return c.body(JSON.stringify(body), problem.status, { "content-type": PROBLEM_CONTENT_TYPE });
}

export const badRequest = (detail: string) => new Problem(400, "Bad request", detail, "bad-request");
export const notFound = (detail: string) => new Problem(404, "Not found", detail, "not-found");
