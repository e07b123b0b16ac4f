import { RERUN_STEPS, RerunError, startRerun, type RerunStep } from "@sdh/worker";
import { targetOption } from "../config-flags.js";
import { withTemporal } from "../temporal-client.js";
import { EXIT, UsageError } from "../usage-error.js";
import { workflowIdArgument } from "./snapshot-ids.js";
import { awaitSnapshot } from "./snapshot-wait.js";
import { commandArgs } from "../command-args.js";

/** `sdh snapshot rerun <id> --from <step> [--target URI] [--wait] [--json]`. */
export async function rerun(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = commandArgs("snapshot", { args, allowPositionals: true, options: { from: { type: "string" }, target: { type: "string" }, wait: { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  const { values } = parsed;
  const workflowId = workflowIdArgument(parsed.positionals, "sdh snapshot rerun <snapshotId> --from <step>");
  const from = values.from as RerunStep | undefined;
  if (!from || !RERUN_STEPS.includes(from)) throw new UsageError(`--from ${values.from ? `'${values.from}' is not a step` : "is required"}; steps: ${RERUN_STEPS.join(", ")}`);
  const target = values.target ? targetOption(values.target) : undefined;
  return withTemporal(env, async ({ client, link }) => {
    let started;
    try {
      started = await startRerun(client, { workflowId, from, target });
    } catch (error) {
      if (error instanceof RerunError && error.kind === "usage") throw new UsageError(error.message);
      throw error;
    }
    const url = link(workflowId);
    if (!values.json) console.log(`Rerun of ${workflowId} (was ${started.previousStatus}) from ${from}: run ${started.runId} started${url ? `\n  ${url}` : ""}`);
    if (!values.wait) {
      if (values.json) console.log(JSON.stringify({ workflowId, runId: started.runId, from, previousStatus: started.previousStatus, target: started.input.target, link: url }, null, 2));
      return EXIT.ok;
    }
    return awaitSnapshot(started.handle, { json: values.json, link: url, input: started.input });
  });
}
