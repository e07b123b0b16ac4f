// Every command's --help text, by command name: printed by `sdh help <command>` and checked by tests.
import { configHelp } from "./commands/config-help.js";
import { doctorHelp } from "./commands/doctor-help.js";
import { generateHelp } from "./commands/generate-help.js";
import { samplesHelp } from "./commands/samples-help.js";
import { listHelp, publishHelp, pullHelp } from "./commands/consumer-help.js";
import { orphansHelp } from "./commands/orphans-help.js";
import { scheduleHelp } from "./commands/schedule-help.js";
import { serveHelp } from "./commands/serve-help.js";
import { snapshotHelp } from "./commands/snapshot-help.js";
import { stagingHelp } from "./commands/staging-help.js";
import { workerHelp } from "./commands/worker-help.js";
import { validateHelp } from "./commands/validate-help.js";
import { learnHelp } from "./commands/learn-help.js";
import { draftHelp } from "./commands/draft-help.js";
import { verifyHelp } from "./commands/verify-help.js";
import { versionHelp } from "./commands/version-help.js";

/** `sdh help`: what sdh is, its commands, settings and exit codes. */
export const overviewHelp = `sdh — Synthetic Data Hub: reproducible synthetic insurance test data, built on Temporal, published to S3.

Usage: sdh [--config FILE] <command> [options]

Commands:
  doctor     check that Temporal and S3 are reachable and work (a real round trip through each)
  generate   build a whole snapshot bundle in this process: CSV, JSON, Parquet, reports, manifest
  learn      learn a recipe from sample tables (CSV, JSON, Parquet) without carrying their rows
  draft      describe data in words: a model drafts a recipe, sdh checks it (OpenAI, Azure, Anthropic)
  snapshot   run | status | cancel | rerun: build a snapshot through Temporal and publish it
  schedule   create | list | describe | pause | unpause | trigger | backfill | delete: nightly builds
  worker     run a snapshot worker (serves snapshot runs; SIGINT/SIGTERM stop it gracefully)
  config     config show: the effective settings and where each came from
  staging    staging list | prune --older-than 7d: what workers keep for reruns, and its retention
  publish    publish a snapshot folder to s3://bucket/prefix or a folder (manifest last, never overwritten)
  list       the committed snapshots at a source (sdh list --source s3://bucket/prefix)
  serve      the snapshot catalog over HTTP: list, read, preview and download (REST, OpenAPI 3.1)
  orphans    orphans list | prune --older-than 7d: files of publishes that never finished
  pull       download a snapshot (id or latest), every file checked against the manifest
  samples    write the demo samples (data/demo_samples/v0.9) from a fixed seed
  validate   run the full validation rule set on a bundle folder (sdh validate DIR)
  verify     recompute every checksum and count of a snapshot folder against its manifest
  version    print the sdh, schema and Node versions
  help       show this help, or \`sdh help <command>\` for one command

Settings come from flags, SDH_* and TEMPORAL_* environment variables, a config file (sdh.config.json
or .yaml; --config FILE), Temporal's profile file and .sdh/services.env, in that order: see \`sdh
config --help\`.

Exit codes: 0 ok, 1 the work failed, 2 usage or configuration error.

Examples:
  sdh doctor
  sdh generate --records 1000 --seed 7 --out ./out/demo
  sdh worker &   sdh snapshot run --records 1000 --target ./out/published --wait
  sdh schedule create --id nightly --cron "0 2 * * *" --records 100000 --seed-from-date --target s3://sdh-snapshots/nightly
  sdh verify ./out/demo
  sdh validate ./out/demo
  sdh version`;

export const commandHelp: Record<string, string> = {
  config: configHelp,
  doctor: doctorHelp,
  draft: draftHelp,
  generate: generateHelp,
  learn: learnHelp,
  list: listHelp,
  orphans: orphansHelp,
  publish: publishHelp,
  pull: pullHelp,
  serve: serveHelp,
  samples: samplesHelp,
  schedule: scheduleHelp,
  snapshot: snapshotHelp,
  staging: stagingHelp,
  validate: validateHelp,
  verify: verifyHelp,
  version: versionHelp,
  worker: workerHelp,
};

/** docs/cli.md: the overview and every command's help, as `sdh help <command>` prints them. */
export function renderCliReference(): string {
  const sections = Object.keys(commandHelp)
    .sort()
    .map((command) => `## sdh ${command}\n\n\`\`\`text\n${commandHelp[command]}\n\`\`\`\n`);
  return `# sdh command reference

Generated from the CLI's own help texts by \`pnpm docs:cli\`. A test fails when this file differs
from what \`sdh help <command>\` prints.

\`\`\`text
${overviewHelp}
\`\`\`

${sections.join("\n")}`;
}
