import { CONFIG_FILE_NAMES } from "../settings/config-file.js";
import { SETTINGS } from "../settings/setting-specs.js";

const KEY_WIDTH = Math.max(...SETTINGS.map((s) => s.key.length));
const ENV_WIDTH = Math.max(...SETTINGS.map((s) => s.env.length));

export const configHelp = `sdh config show — the effective settings, and where each value came from

Every setting can come from a flag (where the command has one), an environment variable, the config
file, Temporal's profile file (temporal.* settings only), .sdh/services.env (written by \`pnpm
services:up\`) or the default, in that order of precedence. The config file is --config FILE, else
SDH_CONFIG, else the first of ${CONFIG_FILE_NAMES.join(", ")} in the working folder. Credentials are
never read from it, and never printed. Temporal's profile file is the one \`temporal config set\`
writes: TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml; profile TEMPORAL_PROFILE, else
default (its address, namespace, api_key and tls keys).

Options:
  --json             the settings as JSON: { configFile, settings: [{ key, env, flag, value, source }] }
  (any setting's flag, e.g. --records 1000, shows what that flag would do)

Settings (config file key · environment variable · flag):
${SETTINGS.map((s) => `  ${s.key.padEnd(KEY_WIDTH)} ${s.env.padEnd(ENV_WIDTH)} ${(s.flag ? `--${s.flag}` : "").padEnd(14)} ${s.description}`).join("\n")}

Config file (sdh.config.yaml; JSON has the same shape):
  snapshot:
    records: 100000
    formats: [csv, parquet]
  target: s3://sdh-snapshots/nightly
  temporal:
    address: temporal.internal:7233
    namespace: sdh

Exit codes: 0 shown; 2 a bad setting (each bad field on its own line) or bad options.

Examples:
  sdh config show
  SDH_RECORDS=5000 sdh config show --json
  sdh config show --config ./ci/sdh.config.yaml`;
