import { withoutUserinfo } from "@sdh/storage/redact-url";
import { CONFIG_FILE_NAMES } from "../settings/config-file.js";
import type { Settings } from "../settings/resolve-settings.js";
import { SETTINGS } from "../settings/setting-specs.js";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";

// Columns as wide as the longest key and variable name (temporal.tls.serverCaCertPath, TEMPORAL_TLS_SERVER_CA_CERT_PATH).


const FLAG_OPTIONS = Object.fromEntries(SETTINGS.filter((s) => s.flag).map((s) => [s.flag!, { type: "string" as const }]));

export function config(args: string[], settings: Settings): number {
  const [sub, ...rest] = args;
  if (sub !== "show") throw new UsageError(`unknown config command '${sub ?? ""}'; available: show (see \`sdh config --help\`)`);
  const { values } = commandArgs("config", { args: rest, options: { ...FLAG_OPTIONS, json: { type: "boolean", default: false } } });
  const rows = settings.describe(values).map(({ spec, value, source }) => ({
    key: spec.key,
    env: spec.env,
    flag: spec.flag ? `--${spec.flag}` : null,
    value: value === undefined ? (spec.defaultText ?? null) : spec.secret ? "***" : withoutUserinfo(value),
    source,
  }));
  if (values.json) {
    console.log(JSON.stringify({ configFile: settings.file, settings: rows }, null, 2));
    return EXIT.ok;
  }
  console.log(`Config file: ${settings.file ?? `none (looked for ${CONFIG_FILE_NAMES.join(", ")})`}`);
  const width = Math.max(...rows.map((r) => r.key.length));
  const valueWidth = Math.min(44, Math.max(...rows.map((r) => String(r.value ?? "-").length)));
  for (const r of rows) console.log(`  ${r.key.padEnd(width)}  ${String(r.value ?? "-").padEnd(valueWidth)}  ${r.source}`);
  return EXIT.ok;
}
