// What the CLI needs from this package before it knows its command: the local services' settings, the
// task queue's name, the schedule date check. A subpath export of its own (`@sdh/worker/settings`) so
// that loading it does not load the Temporal SDK: `sdh version`, `sdh generate` and the file commands
// start without it.
export { servicesEnv, temporalSettings, type TemporalSettings } from "./connection-settings.js";
export { SNAPSHOT_TASK_QUEUE } from "./task-queues.js";
export { isCalendarDate } from "./schedule-dates.js";
export { RERUN_STEPS, DEFAULT_STAGING_ROOT } from "./cli-constants.js";
