import type { Context, MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { bodyLimit } from "hono/body-limit";
import { Problem, problemResponse } from "./problem.js";

export interface TokenGuardOptions {
  /** Throws the 503 problem when the routes cannot work on this server at all. */
  available: () => void;
  /** The server's bearer token; none: the routes are disabled (403). */
  token: string | undefined;
  maxBytes: number;
  /** The 403 without a token: its title and type, and what is disabled ("starting and cancelling builds is disabled"). */
  disabled: { title: string; type: string; detail: string };
}

/**
 * What every token-protected route runs before its handler, in this order and before a byte of the
 * body is read: the routes possible here (503), enabled (403), the token (401, with WWW-Authenticate),
 * then the body's size (413) and type (415).
 */
export function tokenGuards({ available, token, maxBytes, disabled }: TokenGuardOptions): MiddlewareHandler[] {
  const enabled: MiddlewareHandler = async (_c, next) => {
    available();
    if (!token) throw new Problem(403, disabled.title, `${disabled.detail}: start \`sdh serve\` with SDH_SERVE_TOKEN set, and send it as \`Authorization: Bearer <token>\``, disabled.type);
    await next();
  };
  const refused = (detail: string) => (c: Context) => problemResponse(c, new Problem(401, "Unauthorized", detail, "unauthorized"));
  // Hono's bearer auth compares digests of the tokens in constant time, whatever their lengths.
  // Without a token `enabled` has already answered 403, so there is no bearer check to run.
  const bearer = token ? [bearerAuth({ token, noAuthenticationHeader: { message: refused("this route needs `Authorization: Bearer <token>`") }, invalidAuthenticationHeader: { message: refused("the Authorization header is not `Bearer <token>`") }, invalidToken: { message: refused("the bearer token is not this server's") } })] : [];
  const limit = bodyLimit({ maxSize: maxBytes, onError: (c) => problemResponse(c, new Problem(413, "Request too large", `a request body is at most ${maxBytes} bytes`, "too-large")) });
  const json: MiddlewareHandler = async (c, next) => {
    const type = c.req.header("content-type");
    const hasBody = c.req.header("content-length") !== undefined && c.req.header("content-length") !== "0";
    if ((type !== undefined || hasBody || c.req.header("transfer-encoding")) && !/^application\/json\s*(;|$)/i.test(type ?? "")) {
      return problemResponse(c, new Problem(415, "Unsupported media type", `the body must be application/json (got ${type === undefined ? "no content-type" : `'${type.slice(0, 60)}'`})`, "unsupported-media-type"));
    }
    await next();
  };
  return [enabled, ...bearer, limit, json];
}
