import { dirname, join, resolve } from "node:path";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";

/** The repository root: infra/local/src → ../../.. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Runtime state (databases, logs, pids). Git-ignored. */
export function defaultStateDir(): string {
  return process.env.SDH_STATE_DIR ?? join(repoRoot, ".sdh");
}

/** Where built binaries are cached across clones. */
export function cacheDir(): string {
  return process.env.SDH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sdh");
}

export const installScript = join(repoRoot, "infra/local/install-binaries.sh");
