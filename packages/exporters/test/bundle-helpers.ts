import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle, type WriteBundleOptions } from "@sdh/exporters";
import { parseSnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";

export const tmp = (prefix = "sdh-bundle-") => mkdtempSync(join(tmpdir(), prefix));

/** A bundle built by the real writer, with generatedAt pinned so whole folders can be compared. */
export async function buildBundle(input: SnapshotConfigInput, extra: Partial<WriteBundleOptions> = {}) {
  const config = parseSnapshotConfig(input);
  const out = join(tmp(), "bundle");
  const result = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out, now: () => new Date("2026-01-06T02:00:00Z"), ...extra });
  return { ...result, config, out };
}
