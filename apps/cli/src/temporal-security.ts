import { ConnectionSettingError, temporalSecurity, type TemporalSecurity } from "@sdh/worker";
import { UsageError } from "./usage-error.js";

/** The TLS and API key settings, checked: a missing certificate or a half-given pair is a usage error (exit 2) naming the setting. */
export function securityOf(env: NodeJS.ProcessEnv): TemporalSecurity {
  try {
    return temporalSecurity(env);
  } catch (error) {
    if (error instanceof ConnectionSettingError) throw new UsageError(error.message);
    throw error;
  }
}
