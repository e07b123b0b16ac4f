import { openSources, serveCatalog } from "@sdh/catalog";
import { SNAPSHOT_TASK_QUEUE, temporalSettings } from "@sdh/worker";
import { Client, Connection } from "@temporalio/client";
import { securityOf } from "../temporal-security.js";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { wholeNumberOption } from "../config-flags.js";

/** `sdh serve`: the catalog API until SIGINT/SIGTERM (help: serve-help.ts). */
export async function serve(args: string[], settings: Settings, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = commandArgs("serve", { args, options: { target: { type: "string", multiple: true }, host: { type: "string" }, port: { type: "string" }, "cache-dir": { type: "string" }, "cors-origin": { type: "string" }, "task-queue": { type: "string" } } });
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
  const corsOrigins = values["cors-origin"]?.split(",").map((o) => o.trim()).filter(Boolean) ?? [];
  // Temporal, for the build routes: connected on the first of them, so the catalog serves without it.
  const { address, namespace, uiUrl } = temporalSettings(env);
  const security = securityOf(env);
  const connection = Connection.lazy({ address, tls: security.tls, apiKey: security.apiKey, connectTimeout: "5s" });
  const token = env.SDH_SERVE_TOKEN || undefined;
  const builds = { client: new Client({ connection, namespace }), taskQueue: values["task-queue"] ?? SNAPSHOT_TASK_QUEUE, token, link: (id: string) => (uiUrl ? `${uiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(id)}` : null) };
  const served = await serveCatalog({ sources, host, port, cacheDir: values["cache-dir"] ?? ".sdh/catalog-cache", corsOrigins, builds });
  console.log(
    JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "catalog serving", url: `http://${host}:${served.port}`, targets: sources.map((s) => ({ name: s.name, location: s.store.location })), temporal: { address, namespace, connection: security.summary }, builds: token ? "enabled (bearer token)" : "read-only: set SDH_SERVE_TOKEN to start and cancel builds", cors: corsOrigins.length ? corsOrigins : "off", pid: process.pid }),
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  await connection.close();
  return EXIT.ok;
}
