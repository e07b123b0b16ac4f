// How far a build is, as one bar: the page draws it server-side and the monitor's script moves it.
// Four steps of equal weight: generate (moving with the root records built), validate, export and
// publish. The bar is full only once the build completed, i.e. the snapshot is published; while the
// last step runs it stops short of the end, however many records are built.

export const BUILD_STEPS = ["generate", "validate", "export", "publish"] as const;

export interface BuildProgressInput {
  step: string;
  recordsDone: number;
  recordsTotal: number;
}

/** The bar's value in [0, 1] and the words that go with it. */
export function buildProgress(status: string, progress: BuildProgressInput | null | undefined): { value: number; text: string } {
  if (status === "COMPLETED") return { value: 1, text: "published" };
  if (!progress) return { value: 0, text: status === "RUNNING" ? "starting" : status.toLowerCase() };
  const at = BUILD_STEPS.indexOf(progress.step as (typeof BUILD_STEPS)[number]);
  // "done": every step ran and the workflow is returning; not published until it completes.
  const index = at < 0 ? BUILD_STEPS.length - 1 : at;
  const within = progress.step === "generate" ? Math.min(1, progress.recordsDone / Math.max(1, progress.recordsTotal)) : 0;
  const value = Math.min(0.99, (index + within) / BUILD_STEPS.length);
  return { value, text: `step ${index + 1} of ${BUILD_STEPS.length}: ${BUILD_STEPS[index]}` };
}
