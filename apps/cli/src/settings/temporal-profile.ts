import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { UsageError } from "../usage-error.js";
import { MAX_CONFIG_FILE_BYTES } from "./config-file.js";

/**
 * Temporal's client profile file, the one `temporal config set` writes and the SDKs read:
 * TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml (XDG_CONFIG_HOME when set); profile
 * TEMPORAL_PROFILE, else `default`. Its connection settings sit below the environment and sdh's own
 * config file, above .sdh/services.env: a team's shared `temporal` setup serves sdh unless sdh is told
 * otherwise.
 */
export interface TemporalProfile {
  /** Where values came from, for `sdh config show`: `temporal profile default (~/.config/…/temporal.toml)`. */
  source: string;
  /** By setting key (`temporal.address`, `temporal.tls.clientCertPath`, …). */
  values: Map<string, string>;
}

interface DataSource {
  path?: string;
  data?: string | Uint8Array;
}
interface Profile {
  address?: string;
  namespace?: string;
  apiKey?: string;
  tls?: { disabled?: boolean; serverName?: string; serverCACert?: DataSource; clientCert?: DataSource; clientKey?: DataSource };
}

/** The profile's settings, or null when there is no file and none was asked for. */
export function readTemporalProfile(env: NodeJS.ProcessEnv): TemporalProfile | null {
  const explicit = env.TEMPORAL_CONFIG_FILE || undefined;
  const path = explicit ?? join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "temporalio", "temporal.toml");
  const name = env.TEMPORAL_PROFILE || undefined;
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`TEMPORAL_CONFIG_FILE=${explicit}: no such file`);
    if (name) throw new UsageError(`TEMPORAL_PROFILE=${name}: there is no Temporal profile file (${path}); set TEMPORAL_CONFIG_FILE or create it with \`temporal config set\``);
    return null;
  }
  // Loaded only when there is a file: most runs have none, and every command would pay for the TOML parser.
  const { loadClientConfigProfile } = createRequire(import.meta.url)("@temporalio/envconfig") as { loadClientConfigProfile: (o: object) => Profile };
  let profile: Profile;
  let data: Buffer;
  try {
    // Read by us, not the SDK: a device or FIFO would be read forever. Regular files of a page's size only.
    data = readRegularFileSync(path, { maxBytes: MAX_CONFIG_FILE_BYTES, label: `Temporal profile file ${path}` });
  } catch (error) {
    throw new UsageError(error instanceof NotRegularFileError ? error.message : `Temporal profile file ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    // Our environment layer reads the TEMPORAL_* variables itself, so only the file is read here.
    profile = loadClientConfigProfile({ configSource: { data }, profile: name, disableEnv: true, configFileStrict: true });
  } catch (error) {
    throw new UsageError(`Temporal profile file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const values = new Map<string, string>();
  const put = (key: string, value: string | boolean | undefined) => {
    if (value !== undefined && value !== "") values.set(key, String(value));
  };
  const source = (prefix: string, from: DataSource | undefined) => {
    if (from?.path !== undefined) put(`${prefix}Path`, from.path);
    if (from?.data !== undefined) put(`${prefix}Data`, typeof from.data === "string" ? from.data : Buffer.from(from.data).toString("utf8"));
  };
  put("temporal.address", profile.address);
  put("temporal.namespace", profile.namespace);
  put("temporal.apiKey", profile.apiKey);
  if (profile.tls) {
    if (profile.tls.disabled !== undefined) put("temporal.tls.enabled", !profile.tls.disabled);
    put("temporal.tls.serverName", profile.tls.serverName);
    source("temporal.tls.serverCaCert", profile.tls.serverCACert);
    source("temporal.tls.clientCert", profile.tls.clientCert);
    source("temporal.tls.clientKey", profile.tls.clientKey);
  }
  return { source: `temporal profile ${name ?? "default"} (${path})`, values };
}
