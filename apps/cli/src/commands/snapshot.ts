import { defaultSnapshotId } from "@sdh/exporters";
import { configForDate, isCalendarDate, SNAPSHOT_TASK_QUEUE, snapshotWorkflowId, startSnapshotBuild, type SnapshotInput } from "@sdh/worker";
import { CONFIG_FLAGS, configFromFlags, targetOption } from "../config-flags.js";
import type { Settings } from "../settings/resolve-settings.js";
import { withTemporal } from "../temporal-client.js";
import { EXIT, UsageError } from "../usage-error.js";
import { awaitSnapshot } from "./snapshot-wait.js";
import { commandArgs } from "../command-args.js";

const SUBCOMMANDS = "run, status, cancel, rerun";

export async function snapshot(args: string[], env: NodeJS.ProcessEnv, settings: Settings): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "status" || sub === "cancel") return (await import("./snapshot-status.js")).snapshotRunCommand(sub, rest, env);
  if (sub === "rerun") return (await import("./snapshot-rerun.js")).rerun(rest, env);
  if (sub !== "run") throw new UsageError(`unknown snapshot command '${sub ?? ""}'; available: ${SUBCOMMANDS} (see \`sdh snapshot --help\`)`);
  return run(rest, env, settings);
}

async function run(args: string[], env: NodeJS.ProcessEnv, settings: Settings): Promise<number> {
  const parsed = commandArgs("snapshot", {
    args,
    allowPositionals: false,
    options: { ...CONFIG_FLAGS, "seed-from-date": { type: "string" }, target: { type: "string" }, "task-queue": { type: "string" }, wait: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  const values = settings.fill(parsed.values);
  const { input, workflowId } = snapshotRequest(values, parsed.values);
  return withTemporal(env, async ({ client, link }) => {
    const { handle, joined: running, differences } = await startSnapshotBuild(client, input, values["task-queue"] ?? SNAPSHOT_TASK_QUEUE);
    // Joining is right only when the running build publishes what we asked for (whoever started it,
    // and however the id was chosen): otherwise say what differs.
    if (differences.length) {
      console.error(
        `sdh: snapshot ${input.snapshotId} is already being built (workflow ${workflowId}) from another input: ${differences.join("; ")}. Not joined: wait for it (\`sdh snapshot status ${input.snapshotId}\`), cancel it, or give another --snapshot-id`,
      );
      return EXIT.failed;
    }
    const state = running ? "already running: joined it" : "started";
    const url = link(workflowId);
    if (!values.json) console.log(`Snapshot ${input.snapshotId}: workflow ${workflowId} ${state}${url ? `\n  ${url}` : ""}`);
    if (!values.wait) {
      if (values.json) console.log(JSON.stringify({ workflowId, snapshotId: input.snapshotId, state, link: url }, null, 2));
      return EXIT.ok;
    }
    return awaitSnapshot(handle, { json: values.json, link: url, input });
  });
}

type RunValues = Record<keyof typeof CONFIG_FLAGS | "seed-from-date" | "target", string | undefined>;

/** The workflow input the flags describe. `given` are the flags as typed, to tell them from settings. */
function snapshotRequest(values: Partial<RunValues>, given: Partial<RunValues>): { input: SnapshotInput; workflowId: string } {
  if (!values.target) throw new UsageError("--target is required (or SDH_TARGET, or target in the config file): where the snapshot is published");
  const target = targetOption(values.target);
  const date = values["seed-from-date"];
  let { config, snapshotId } = configFromFlags(values);
  if (date !== undefined) {
    // The night of `date`, as a schedule with --seed-from-date builds it: same config, same bytes.
    if (!isCalendarDate(date)) throw new UsageError(`--seed-from-date '${date}' is not a date YYYY-MM-DD`);
    for (const flag of ["seed", "as-of"] as const) if (given[flag] !== undefined) throw new UsageError(`--seed-from-date sets the seed and asOf from the date; drop --${flag}`);
    config = configForDate(config, date, { seed: true, asOf: true });
    snapshotId = values["snapshot-id"] ?? defaultSnapshotId(config);
  }
  const input: SnapshotInput = { config, snapshotId, target };
  return { input, workflowId: snapshotWorkflowId(snapshotId) };
}
