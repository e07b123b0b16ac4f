import { existsSync } from "node:fs";
import { NotRegularFileError, readRegularFileSync } from "@sdh/local-files";
import { basename, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../usage-error.js";
import { SETTINGS } from "./setting-specs.js";

/** A config file is a page of settings: anything larger is not one (and is not read into memory). */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Looked for in the working folder, in this order, when neither --config nor SDH_CONFIG names a file. */
export const CONFIG_FILE_NAMES = ["sdh.config.json", "sdh.config.yaml", "sdh.config.yml"] as const;

export interface ConfigFile {
  path: string;
  /** Checked values by setting key, as text (the form flags and env vars have). */
  values: Map<string, string>;
}

/** The config file `explicit` names, or the first of CONFIG_FILE_NAMES in `cwd`; null when there is none. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | null {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new UsageError(`config file ${explicit} does not exist`);
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) if (existsSync(resolve(cwd, name))) return resolve(cwd, name);
  return null;
}

/** Reads and checks a config file; every problem is reported, one line per bad field. */
export function readConfigFile(path: string): ConfigFile {
  const name = basename(path);
  let source: string;
  try {
    // A device or FIFO named as the config file would be read forever: regular files only, capped.
    source = readRegularFileSync(path, { maxBytes: MAX_CONFIG_FILE_BYTES, label: `config file ${path}` }).toString("utf8");
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new UsageError(`${error.message}; a config file is a regular YAML or JSON file of at most ${MAX_CONFIG_FILE_BYTES} bytes`);
    throw new UsageError(`config file ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let raw: unknown;
  const yaml = /\.ya?ml$/i.test(path);
  try {
    raw = yaml ? parseYaml(source) : JSON.parse(source);
  } catch (error) {
    // YAML's first line names line and column; JSON.parse's quotes the text, which is not repeated.
    throw new UsageError(`${name}: not valid ${yaml ? "YAML" : "JSON"}${yaml ? `: ${(error as Error).message.split("\n")[0]}` : ""}`);
  }
  if (raw === null || raw === undefined) return { path, values: new Map() };
  if (typeof raw !== "object" || Array.isArray(raw)) throw new UsageError(`${name}: must be an object of settings (see \`sdh config show\`)`);
  const problems: string[] = [];
  const values = new Map<string, string>();
  const known = new Map(SETTINGS.map((s) => [s.key, s]));
  // Every proper prefix of a dotted key is a group the file may nest: temporal, temporal.tls, …
  const groups = new Set(SETTINGS.flatMap((s) => s.key.split(".").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("."))));
  for (const [key, value] of flatten(raw as Record<string, unknown>, groups)) {
    const spec = known.get(key);
    if (!spec) {
      problems.push(`${name}: ${key}: unknown setting; known: ${SETTINGS.filter((s) => !s.secret).map((s) => s.key).join(", ")}`);
      continue;
    }
    if (spec.secret) {
      problems.push(`${name}: ${key}: credentials are not read from config files; set ${spec.env} in the environment${spec.env.startsWith("AWS_") ? " or use an AWS profile" : " (a Kubernetes Secret can provide it)"}`);
      continue;
    }
    const checked = spec.schema.safeParse(value);
    if (checked.success) values.set(key, checked.data);
    // zod says only "Invalid input" for a value of the wrong type: say what came and what is wanted.
    else problems.push(`${name}: ${key}: ${checked.error.issues.map((i) => (i.message.startsWith("Invalid input") ? `${JSON.stringify(value)} (a ${Array.isArray(value) ? "list" : typeof value}) is not allowed here: ${spec.description}` : i.message)).join("; ")}`);
  }
  if (problems.length) throw new UsageError(problems.join("\n"));
  return { path, values };
}

/** [dotted key, leaf value] pairs; objects are entered only at the known group names (snapshot, temporal, temporal.tls, …). */
function flatten(object: Record<string, unknown>, groups: ReadonlySet<string>, prefix = ""): Array<[string, unknown]> {
  return Object.entries(object).flatMap(([name, value]): Array<[string, unknown]> => {
    const key = `${prefix}${name}`;
    return groups.has(key) && value !== null && typeof value === "object" && !Array.isArray(value)
      ? flatten(value as Record<string, unknown>, groups, `${key}.`)
      : [[key, value]];
  });
}
