// Every command's --help text, by command name: printed by `sdh help <command>` and checked by tests.
import { configHelp } from "./commands/config.js";
import { doctorHelp } from "./commands/doctor-help.js";
import { generateHelp } from "./commands/generate.js";
import { samplesHelp } from "./commands/samples.js";
import { listHelp, publishHelp, pullHelp } from "./commands/consumer-help.js";
import { scheduleHelp } from "./commands/schedule-help.js";
import { snapshotHelp } from "./commands/snapshot-help.js";
import { workerHelp } from "./commands/worker-help.js";
import { validateHelp } from "./commands/validate.js";
import { verifyHelp } from "./commands/verify.js";
import { versionHelp } from "./commands/version.js";

export const commandHelp: Record<string, string> = {
  config: configHelp,
  doctor: doctorHelp,
  generate: generateHelp,
  list: listHelp,
  publish: publishHelp,
  pull: pullHelp,
  samples: samplesHelp,
  schedule: scheduleHelp,
  snapshot: snapshotHelp,
  validate: validateHelp,
  verify: verifyHelp,
  version: versionHelp,
  worker: workerHelp,
};
