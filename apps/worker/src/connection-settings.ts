import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

export interface TemporalSettings {
  address: string;
  namespace: string;
  /** The Web UI, when the local services run one; for links people can click. */
  uiUrl: string | undefined;
}

/**
 * The settings `pnpm services:up` recorded in `<stateDir>/services.env`; empty when it has not run.
 * The CLI ranks them below the environment and the config file (see its Settings).
 */
export function servicesEnv(stateDir = process.env.SDH_STATE_DIR ?? join(process.cwd(), ".sdh")): NodeJS.ProcessEnv {
  try {
    return parseEnv(readFileSync(join(stateDir, "services.env"), "utf8")) as NodeJS.ProcessEnv;
  } catch {
    return {}; // No local services recorded: the environment alone decides.
  }
}

export function temporalSettings(env: NodeJS.ProcessEnv): TemporalSettings {
  return {
    address: env.TEMPORAL_ADDRESS || "127.0.0.1:7233",
    namespace: env.TEMPORAL_NAMESPACE || "default",
    uiUrl: env.SDH_TEMPORAL_UI || undefined,
  };
}
