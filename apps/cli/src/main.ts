#!/usr/bin/env node
// The `sdh` command. From the repository root: `pnpm sdh <command>`.
import { servicesEnv } from "@sdh/worker/settings";
import type { LogLevel } from "@temporalio/worker";
import type { Settings } from "./settings/resolve-settings.js";
import { EXIT, UsageError } from "./usage-error.js";

/**
 * Loads a command that runs Temporal code in this process. The Temporal runtime (a native module)
 * is loaded only for those, so file-only commands such as validate start fast. The worker logs JSON
 * lines (INFO unless SDH_LOG_LEVEL says otherwise); doctor keeps the SDK's quiet text log.
 */
async function temporalCommand(level: LogLevel | undefined, json: boolean) {
  const { DefaultLogger, Runtime } = await import("@temporalio/worker");
  // The SDK logs every worker state change at INFO; a command's own output should stay readable.
  // The worker's stream is JSON lines only: the SDK core's own (Rust) log lines, which it would print
  // to the console as coloured text, are forwarded to the same logger (at WARN unless asked for more).
  const jsonLog = (await import("./json-log.js")).jsonLogLine;
  const coreLevel: LogLevel = level === "TRACE" || level === "DEBUG" ? level : "WARN";
  /**
   * Installs the runtime once, before the first connection. A worker with endpoints also has the SDK
   * export its own metrics (Prometheus's conventions: `_total` counters, durations in seconds) on a
   * loopback address, which the worker's /metrics serves after ours.
   */
  const installRuntime = (runtimeMetricsAddress?: string) =>
    Runtime.install(
      json
        ? {
            logger: new DefaultLogger(level ?? "INFO", jsonLog),
            telemetryOptions: {
              logging: { filter: { core: coreLevel, other: "ERROR" }, forward: {} },
              ...(runtimeMetricsAddress ? { metrics: { prometheus: { bindAddress: runtimeMetricsAddress, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } } } : {}),
            },
          }
        : { logger: new DefaultLogger(level ?? "WARN") },
    );
  return {
    doctor: async (args: string[], env: NodeJS.ProcessEnv) => {
      installRuntime();
      return (await import("./commands/doctor.js")).doctor(args, env);
    },
    worker: async (args: string[], env: NodeJS.ProcessEnv, settings: Settings) => (await import("./commands/worker.js")).worker(args, env, settings, installRuntime),
  };
}

/** Takes the global `--config FILE` (or `--config=FILE`) out of the arguments, wherever it is. */
function takeConfigFlag(argv: string[]): { configPath: string | undefined; args: string[] } {
  const args: string[] = [];
  let configPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--config") {
      configPath = argv[++i];
      if (!configPath) throw new UsageError("--config needs a file: --config sdh.config.yaml");
    } else if (arg.startsWith("--config=")) configPath = arg.slice("--config=".length);
    else args.push(arg);
  }
  return { configPath, args };
}

/** Commands that only group subcommands. */
const GROUP_COMMANDS = new Set(["snapshot", "schedule", "staging", "orphans", "config"]);

/**
 * Every command's module is loaded when it runs, not before: the packages behind them (the Temporal
 * SDK, the AWS SDK, the generator's reference tables) take a second or more to load, and a command
 * pays only for what it uses — which matters to the tests and scripts that start `sdh` hundreds of times.
 */
async function main(argv: string[]): Promise<number> {
  const { configPath, args } = takeConfigFlag(argv);
  const [command, ...rest] = args;
  const helpTexts = () => import("./help-texts.js");
  if (!command || command === "help" || command === "--help" || command === "-h") {
    const { commandHelp, overviewHelp: help } = await helpTexts();
    const topic = rest[0];
    if (topic && !commandHelp[topic]) throw new UsageError(`no help for '${topic}'; commands: ${Object.keys(commandHelp).join(", ")}`);
    console.log(topic ? commandHelp[topic] : help);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    const { commandHelp, overviewHelp: help } = await helpTexts();
    console.log(commandHelp[command] ?? help);
    return EXIT.ok;
  }
  // A command of subcommands given none: its help, as a bare `sdh` gives the general one (exit 2).
  if (rest.length === 0 && GROUP_COMMANDS.has(command)) {
    console.log((await helpTexts()).commandHelp[command]);
    return EXIT.usage;
  }
  // Versions need no settings: answered before any are read (and before their packages load).
  if (command === "version" || command === "--version" || command === "-V") return (await import("./commands/version.js")).printVersion(rest);
  // Flags > env > config file > Temporal's profile file > .sdh/services.env > defaults. The effective values go into the
  // environment, where the Temporal and S3 settings (and the AWS provider chain) read them.
  const { Settings } = await import("./settings/resolve-settings.js");
  const settings = new Settings({ env: process.env, servicesEnv: servicesEnv(), configPath, cwd: process.cwd() });
  const env = settings.environment(process.env);
  Object.assign(process.env, env);
  // Our pinned AWS SDK supports Node 20; its notice about future releases is not news to CLI users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // Checked by Settings: one of TRACE, DEBUG, INFO, WARN, ERROR.
  const level = env.SDH_LOG_LEVEL?.toUpperCase() as LogLevel | undefined;
  switch (command) {
    case "doctor":
      return (await temporalCommand(level, false)).doctor(rest, env);
    case "worker":
      return (await temporalCommand(level, true)).worker(rest, env, settings);
    case "snapshot":
      return (await import("./commands/snapshot.js")).snapshot(rest, env, settings);
    case "schedule":
      return (await import("./commands/schedule.js")).schedule(rest, env, settings);
    case "config":
      return (await import("./commands/config.js")).config(rest, settings);
    case "staging":
      return (await import("./commands/staging.js")).staging(rest, settings);
    case "orphans":
      return (await import("./commands/orphans.js")).orphans(rest, settings);
    case "generate":
      return (await import("./commands/generate.js")).generate(rest, settings);
    case "samples":
      return (await import("./commands/samples.js")).samples(rest);
    case "serve":
      return (await import("./commands/serve.js")).serve(rest, settings, env);
    case "list":
      return (await import("./commands/consumer.js")).list(rest);
    case "pull":
      return (await import("./commands/consumer.js")).pull(rest);
    case "publish":
      return (await import("./commands/consumer.js")).publish(rest);
    case "validate":
      return (await import("./commands/validate.js")).validate(rest);
    case "learn":
      return (await import("./commands/learn.js")).learn(rest);
    case "draft":
      return (await import("./commands/draft.js")).draft(rest, settings);
    case "verify":
      return (await import("./commands/verify.js")).verify(rest);
    default:
      throw new UsageError(`unknown command '${command}'; run \`sdh help\` for the list`);
  }
}

/** Longest wait for output to drain before exiting anyway: a reader that stopped reading must not hold the exit. */
const FLUSH_DEADLINE_MS = 10_000;

/**
 * Exits once stdout and stderr have flushed. process.exit() drops what a pipe has not taken yet: on
 * Node 24 `sdh validate --json | jq` read only the first 64 KiB of a 160 KiB report. Only a stream
 * with output still queued is waited for (a write's callback runs once everything before it is
 * handed to the system); waiting on an idle stream's callback once held a process open for a minute
 * in CI. Exiting explicitly still ends a process that open handles would keep alive.
 */
function exitAfterOutput(code: number): void {
  const queued = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  if (queued.length === 0) process.exit(code);
  let pending = queued.length;
  for (const stream of queued) {
    stream.write("", () => {
      if (--pending === 0) process.exit(code);
    });
  }
  setTimeout(() => process.exit(code), FLUSH_DEADLINE_MS);
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  const usage = error instanceof UsageError;
  console.error(`sdh: ${error instanceof Error ? error.message : String(error)}`);
  exitAfterOutput(usage ? EXIT.usage : EXIT.failed);
});
