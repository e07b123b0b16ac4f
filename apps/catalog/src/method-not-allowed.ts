import type { Context } from "hono";
import { Problem, problemResponse } from "./problem.js";

/**
 * A 405 problem with `Allow` when the request's path is a route under other methods (RFC 9110
 * §15.5.6); null when no route has the path (a 404). Reads the app's own route table.
 */
export function methodNotAllowed(app: { routes: ReadonlyArray<{ method: string; path: string }> }, c: Context): Response | null {
  const path = new URL(c.req.url).pathname;
  const allowed = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL" || route.path.includes("*")) continue;
    const pattern = new RegExp(`^${route.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`);
    if (pattern.test(path)) allowed.add(route.method);
  }
  if (allowed.size === 0 || allowed.has(c.req.method)) return null;
  if (allowed.has("GET")) allowed.add("HEAD");
  const methods = [...allowed].sort().join(", ");
  const response = problemResponse(c, new Problem(405, "Method not allowed", `${c.req.method} is not allowed on ${path.slice(0, 200)}; allowed: ${methods}`, "method-not-allowed"));
  response.headers.set("allow", methods);
  return response;
}
