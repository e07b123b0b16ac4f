import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./catalog-api-types.js";

// A typed client of the catalog API for TypeScript consumers (`@sdh/catalog/client`): paths, query
// parameters, bodies and answers are checked at compile time against the types generated from the
// server's own OpenAPI document (`pnpm api:types`). Errors come back as RFC 9457 problem details.
//
//   const catalog = createCatalogClient({ baseUrl: "http://catalog.internal:8080" });
//   const { data, error } = await catalog.GET("/snapshots", { params: { query: { limit: 10 } } });

export type { components, operations, paths } from "./catalog-api-types.js";
export type CatalogClient = Client<paths>;

export interface CatalogClientOptions {
  /** Where `sdh serve` answers, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  /** The server's SDH_SERVE_TOKEN, for the POST routes (starting and cancelling builds). */
  token?: string;
  /** Another fetch (a proxy agent, a test's). */
  fetch?: typeof globalThis.fetch;
}

export function createCatalogClient({ baseUrl, token, fetch }: CatalogClientOptions): CatalogClient {
  return createClient<paths>({ baseUrl, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(fetch ? { fetch } : {}) });
}
