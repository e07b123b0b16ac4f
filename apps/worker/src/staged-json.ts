import { readFile } from "node:fs/promises";
import { ApplicationFailure } from "@temporalio/common";
import { NON_RETRYABLE } from "./failure-types.js";

interface Checked<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

/**
 * A JSON document a step staged for a later one (an export record, a validation report), parsed and
 * checked. One that is not JSON, or not the shape the step writes, fails the same way on every
 * attempt: StagedOutputCorrupt, non-retryable, naming the file and the step that writes it.
 */
export async function readStagedJson<T>(path: string, rerunFrom: string, schema: Checked<T>): Promise<T> {
  const corrupt = (why: string) => ApplicationFailure.nonRetryable(`staged file ${path} is corrupt: ${why}; rerun --from ${rerunFrom}`, NON_RETRYABLE.corrupt, { path, rerunFrom });
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error; // missing or unreadable: not corruption
    throw corrupt(`not JSON (${(error as Error).message})`);
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw corrupt(`${issue.path.map(String).join(".") || "the document"}: ${issue.message}`);
  }
  return checked.data;
}
