import { openSources, serveCatalog } from "@sdh/catalog";
import type { Settings } from "../settings/resolve-settings.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { wholeNumberOption } from "../config-flags.js";

/** `sdh serve`: the catalog API until SIGINT/SIGTERM (help: serve-help.ts). */
export async function serve(args: string[], settings: Settings, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = commandArgs("serve", { args, options: { target: { type: "string", multiple: true }, host: { type: "string" }, port: { type: "string" }, "cache-dir": { type: "string" }, "cors-origin": { type: "string" } } });
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
  const served = await serveCatalog({ sources, host, port, cacheDir: values["cache-dir"] ?? ".sdh/catalog-cache", corsOrigins });
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "INFO", msg: "catalog serving", url: `http://${host}:${served.port}`, targets: sources.map((s) => ({ name: s.name, location: s.store.location })), cors: corsOrigins.length ? corsOrigins : "off", pid: process.pid }));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  return EXIT.ok;
}
