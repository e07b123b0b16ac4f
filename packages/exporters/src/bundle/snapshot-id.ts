import { createHash } from "node:crypto";
import { packOf, withPackSettings } from "@sdh/packs";
import type { SnapshotConfig } from "@sdh/schemas";

/**
 * The default snapshot id, e.g. `2026-01-06-s42-3f9a1c2e`: asOf, seed and a digest of everything
 * that fixes the snapshot's bytes — the config but its shard size (which only splits the work), with
 * its pack's settings in full, its pack and the pack's generator version. So one id stands for one content: a build with other formats,
 * of another pack or by another generator version is another snapshot, and any sharding of the same content has the same id
 * (ADR 0013).
 */
export function defaultSnapshotId(config: SnapshotConfig): string {
  const { pack, records, seed, asOf, settings, formats, schemaVersion } = withPackSettings(config);
  const generator = packOf(config).generator.version;
  const digest = createHash("sha256")
    // The pack's settings as recorded (defaults filled in); a recipe's sha256 only when there is one.
    .update(JSON.stringify({ pack, records, seed, asOf, settings, formats, schemaVersion, generator, ...(config.recipe ? { recipe: config.recipe.sha256 } : {}) }))
    .digest("hex");
  return `${asOf}-s${seed}-${digest.slice(0, 8)}`;
}
