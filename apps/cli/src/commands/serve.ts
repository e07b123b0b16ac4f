import { openSources, serveCatalog } from "@sdh/catalog";
import { chooseProvider, ProviderSetupError } from "@sdh/draft";
import { resolve } from "node:path";
import { SNAPSHOT_TASK_QUEUE, temporalSettings } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { securityOf } from "../temporal-security.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { wholeNumberOption } from "../config-flags.js";
import { durationOption } from "../duration.js";
import { SDH_VERSION } from "./version.js";

/** `sdh serve`: the catalog API until SIGINT/SIGTERM (help: serve-help.ts). */
export async function serve(args: string[], settings: Settings, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = commandArgs("serve", { args, options: { target: { type: "string", multiple: true }, host: { type: "string" }, port: { type: "string" }, "cache-dir": { type: "string" }, "cache-max-mib": { type: "string" }, "cache-max-age": { type: "string" }, "cors-origin": { type: "string" }, "task-queue": { type: "string" } } });
  const values = settings.fill(parsed.values) as typeof parsed.values & { target?: string | string[] };
  const targets = values.target === undefined ? [] : [values.target].flat();
  const port = values.port === undefined ? 8080 : wholeNumberOption("--port", values.port);
  if (port > 65535) throw new UsageError(`--port must be a port, 1 to 65535 (got ${port})`);
  let sources;
  try {
    sources = openSources(targets, env);
  } catch (error) {
    throw new UsageError(`--target: ${(error as Error).message}`);
  }
  const host = values.host ?? "127.0.0.1";
  const corsOrigins = corsOriginsOf(values["cors-origin"]);
  // Temporal, for the build routes: connected on the first of them, so the catalog serves without it.
  const { address, namespace, uiUrl } = temporalSettings(env);
  const security = securityOf(env);
  const connection = Connection.lazy({ address, tls: security.tls, apiKey: security.apiKey, connectTimeout: "5s" });
  const token = env.SDH_SERVE_TOKEN || undefined;
  // RFC 6750's token characters, and long enough not to be guessed; the value itself is never printed.
  if (token !== undefined && !/^[A-Za-z0-9._~+/-]{16,512}=*$/.test(token)) throw new UsageError("SDH_SERVE_TOKEN must be 16 to 512 characters of A-Z a-z 0-9 . _ ~ + / - (then optional '='), as a bearer token is; e.g. `openssl rand -hex 32`");
  const builds = { client: new Client({ connection, namespace }), taskQueue: values["task-queue"] ?? SNAPSHOT_TASK_QUEUE, token, link: (id: string) => (uiUrl ? `${uiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(id)}` : null) };
  const drafts = { provider: draftProvider(settings, env), folder: resolve(settings.get("draft.dir") ?? ".sdh/draft"), token, maxRepairs: Number(settings.get("draft.maxRepairs") ?? 3), tokenBudget: Number(settings.get("draft.tokenBudget") ?? 100_000) };
  const cacheLimits = {
    ...(values["cache-max-mib"] === undefined ? {} : { maxBytes: wholeNumberOption("--cache-max-mib", values["cache-max-mib"]) * 2 ** 20 }),
    ...(values["cache-max-age"] === undefined ? {} : { maxAgeMs: durationOption("--cache-max-age", values["cache-max-age"], 60_000) }),
  };
  const served = await serveCatalog({ sources, host, port, cacheDir: values["cache-dir"] ?? ".sdh/catalog-cache", cacheLimits, corsOrigins, builds, drafts, productVersion: SDH_VERSION });
  console.log(
    JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "catalog serving", url: `http://${host}:${served.port}`, targets: sources.map((s) => ({ name: s.name, location: s.store.location })), temporal: { address, namespace, connection: security.summary }, builds: token ? "enabled (bearer token)" : "read-only: set SDH_SERVE_TOKEN to start and cancel builds", drafts: "problem" in drafts.provider ? `unavailable: ${drafts.provider.problem}` : `${drafts.provider.kind} ${drafts.provider.model}${token ? "" : " (disabled without SDH_SERVE_TOKEN)"}`, cors: corsOrigins.length ? corsOrigins : "off", pid: process.pid }),
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  await connection.close();
  return EXIT.ok;
}

/** `--cors-origin a,b`: each an origin (scheme://host[:port]); a wildcard would let any web page use the API. */
function corsOriginsOf(given: string | undefined): string[] {
  const origins = given?.split(",").map((o) => o.trim()).filter(Boolean) ?? [];
  for (const origin of origins) {
    if (origin === "*") throw new UsageError("--cors-origin: '*' would let every web page call this API; list the origins allowed, e.g. https://qa.example.com");
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) throw new UsageError(`--cors-origin: '${origin.slice(0, 80)}' is not an origin such as https://qa.example.com or http://localhost:3000`);
  }
  return origins;
}

/** The model provider of the draft routes, from the same settings as `sdh draft`; why there is none, else. */
function draftProvider(settings: Settings, env: NodeJS.ProcessEnv) {
  try {
    return chooseProvider({ provider: settings.get("draft.provider"), model: settings.get("draft.model"), baseUrl: settings.get("draft.baseUrl"), timeoutMs: Number(settings.get("draft.requestTimeout") ?? 120) * 1000, env });
  } catch (error) {
    if (error instanceof ProviderSetupError) return { problem: error.message };
    throw error;
  }
}
