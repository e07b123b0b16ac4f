import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { resolveBinary } from "./binaries.js";
import { isRunning, startDetached } from "./processes.js";
import type { TemporalRecord } from "./state.js";
import { waitUntil } from "./wait.js";

const run = promisify(execFile);

export interface TemporalStartOptions {
  stateDir: string;
  port: number;
  /** null runs headless (tests); a number serves the Web UI there (people). */
  uiPort: number | null;
  namespace: string;
}

/**
 * The custom search attributes snapshot builds carry (SEARCH_ATTRIBUTES in @sdh/worker, which this
 * package cannot import; apps/cli/test/search-attributes.test.ts checks they agree), registered in
 * the dev server's namespace as a production namespace registers them once.
 */
export const SDH_SEARCH_ATTRIBUTES = { SdhSnapshotId: "Keyword", SdhTarget: "Keyword", SdhSeed: "Int", SdhAsOf: "Keyword", SdhPack: "Keyword" } as const;

/**
 * Registers those the namespace lacks, with the commands an operator runs (`start-dev
 * --search-attribute` registers only in a new database; ours is kept between starts).
 */
async function registerSearchAttributes(binary: string, address: string, namespace: string): Promise<void> {
  const { stdout } = await run(binary, ["operator", "search-attribute", "list", "--address", address, "--namespace", namespace, "-o", "json"], { timeout: 10_000 });
  const existing = (JSON.parse(stdout) as { customAttributes?: Record<string, string> }).customAttributes ?? {};
  for (const [name, type] of Object.entries(SDH_SEARCH_ATTRIBUTES)) {
    if (!(name in existing)) await run(binary, ["operator", "search-attribute", "create", "--address", address, "--namespace", namespace, "--name", name, "--type", type], { timeout: 30_000 });
  }
}

/** Starts `temporal server start-dev` with SQLite persistence under the state dir, and waits until it serves. */
export async function startTemporal(options: TemporalStartOptions): Promise<TemporalRecord> {
  const binary = await resolveBinary("temporal");
  const logDir = join(options.stateDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const dbFile = join(options.stateDir, "temporal.db");
  const log = join(logDir, "temporal.log");
  const address = `127.0.0.1:${options.port}`;
  // The HTTP API and metrics ports default to random free ones; the Web UI's default is --port + 1000.
  const args = [
    "server", "start-dev",
    "--ip", "127.0.0.1",
    "--port", String(options.port),
    "--db-filename", dbFile,
    ...(options.namespace === "default" ? [] : ["--namespace", options.namespace]),
    "--log-level", "warn",
    ...(options.uiPort === null ? ["--headless"] : ["--ui-port", String(options.uiPort)]),
  ];
  const pid = startDetached(binary, args, log);
  await waitUntil(`Temporal dev server at ${address} (log: ${log})`, () => temporalAnswers(binary, address, options.namespace), {
    timeoutMs: 90_000,
    isAlive: () => isRunning(pid, binary),
  });
  await registerSearchAttributes(binary, address, options.namespace);
  return {
    pid,
    binary,
    log,
    startedAt: new Date().toISOString(),
    address,
    namespace: options.namespace,
    uiUrl: options.uiPort === null ? null : `http://127.0.0.1:${options.uiPort}`,
    dbFile,
  };
}

/** Ready means the namespace we use can be described, not merely that the port is open. */
export async function temporalAnswers(binary: string, address: string, namespace: string): Promise<boolean> {
  try {
    await run(binary, ["operator", "namespace", "describe", "--address", address, "--namespace", namespace], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
