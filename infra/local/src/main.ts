// `pnpm services:up | services:down | services:status` — the local Temporal dev server and S3 gateway.
import { parseArgs } from "node:util";
import { defaultStateDir } from "./paths.js";
import { servicesDown, servicesStatus, servicesUp } from "./services.js";
import { envFile } from "./state.js";

const usage = `Usage: pnpm services:<up|down|status> [options]

  up       start the Temporal dev server (Web UI on) and the S3 gateway, or reuse running ones
  down     stop the services that 'up' started (never ones it merely reused)
  status   show what is recorded, whether it runs and whether it answers

Options (up):
  --temporal-port N   Temporal gRPC port        (env SDH_TEMPORAL_PORT, default 7233)
  --ui-port N         Temporal Web UI port      (env SDH_TEMPORAL_UI_PORT, default 8233)
  --headless          no Web UI
  --s3-port N         S3 gateway port           (env SDH_S3_PORT, default 7070)
  --bucket NAME       bucket created on start   (env SDH_S3_BUCKET, default sdh-snapshots)
  --state-dir DIR     runtime state             (env SDH_STATE_DIR, default .sdh)`;

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`${flag} must be a port number from 1 to 65535, got '${value}'`);
  return n;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "temporal-port": { type: "string" },
      "ui-port": { type: "string" },
      headless: { type: "boolean", default: false },
      "s3-port": { type: "string" },
      bucket: { type: "string" },
      "state-dir": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const stateDir = values["state-dir"] ?? defaultStateDir();
  switch (command) {
    case "up": {
      const temporalPort = port(values["temporal-port"] ?? process.env.SDH_TEMPORAL_PORT, 7233, "--temporal-port");
      const result = await servicesUp({
        stateDir,
        temporalPort,
        uiPort: values.headless ? null : port(values["ui-port"] ?? process.env.SDH_TEMPORAL_UI_PORT, temporalPort + 1000, "--ui-port"),
        s3Port: port(values["s3-port"] ?? process.env.SDH_S3_PORT, 7070, "--s3-port"),
        namespace: process.env.TEMPORAL_NAMESPACE ?? "default",
        bucket: values.bucket ?? process.env.SDH_S3_BUCKET ?? "sdh-snapshots",
      });
      const { temporal, s3 } = result.state;
      console.log(`Temporal  ${result.temporal.padEnd(7)} ${temporal.address}  namespace ${temporal.namespace}`);
      console.log(`Web UI            ${temporal.uiUrl ?? "(headless)"}`);
      console.log(`S3        ${result.s3.padEnd(7)} ${s3.endpoint}  bucket ${s3.bucket}`);
      console.log(`Settings          ${envFile(stateDir)}`);
      return 0;
    }
    case "down": {
      const stopped = await servicesDown(stateDir);
      console.log(stopped.length ? `stopped ${stopped.join(", ")}` : "nothing to stop");
      return 0;
    }
    case "status": {
      const statuses = await servicesStatus(stateDir);
      if (statuses.length === 0) console.log("no services recorded; run `pnpm services:up`");
      for (const s of statuses) {
        const health = s.answering ? "answering" : s.running ? "running, not answering" : "not running";
        console.log(`${s.name.padEnd(9)} ${health.padEnd(24)} ${s.where}${s.ownedByUs ? `  pid ${s.pid}` : "  (not started by us)"}`);
      }
      return statuses.length > 0 && statuses.every((s) => s.answering) ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command '${command}'; expected up, down or status`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
