import { PACK_ENTITY_NAMES, PACK_NAMES } from "@sdh/packs/names";
import { OutputFormat } from "@sdh/schemas";
import { SNAPSHOT_TASK_QUEUE, isCalendarDate } from "@sdh/worker/settings";
import { z } from "zod";

/**
 * One setting the CLI reads. Every setting has an environment variable and a place in the config
 * file; those a command takes as an option also have a flag. Precedence: flag > env > config file >
 * Temporal's profile file (temporal.* only) > .sdh/services.env (written by `pnpm services:up`) > default.
 */
export interface SettingSpec {
  /** Its path in the config file, e.g. `snapshot.records`. */
  key: string;
  env: string;
  /** The command-line flag, without dashes, for settings a command takes as an option. */
  flag?: string;
  /** Checks a value from the environment (a string) or the file (a string, number, boolean or list). */
  schema: z.ZodType<string>;
  description: string;
  /** What applies when nothing sets it (for `sdh config show`; the code's own default). */
  defaultText?: string;
  /** Never printed; not accepted from the config file (keep credentials out of files in repositories). */
  secret?: boolean;
}

const text = z.string().trim().min(1, "must not be empty");
/** A whole number ≥ min, from a string or a number; kept as text, as flags are. */
const whole = (min: number) =>
  z.union([z.number(), z.string()]).transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^-?\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min) ctx.addIssue({ code: "custom", message: `must be a whole number ≥ ${min} (got ${JSON.stringify(v)})` });
    return String(n);
  });
const integer = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) ctx.addIssue({ code: "custom", message: `must be a whole number (got ${JSON.stringify(v)})` });
  return String(n);
});
const port = whole(1).refine((v) => Number(v) <= 65535, "must be a port, 1 to 65535");
const date = text.refine(isCalendarDate, "must be a date YYYY-MM-DD");
/** A positive number, from a string or a number; kept as text, as flags are. */
const factor = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n > 0 && n <= 1_000_000)) ctx.addIssue({ code: "custom", message: `must be a number above 0, at most 1000000 (got ${JSON.stringify(v)})` });
  return String(v).trim();
});
/** A share from 0 to 1, from a string or a number; kept as text, as flags are. */
const share = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n >= 0 && n <= 1)) ctx.addIssue({ code: "custom", message: `must be a share from 0 to 1 (got ${JSON.stringify(v)})` });
  return String(v).trim();
});
const formats = z.union([z.array(z.string()), z.string()]).transform((v, ctx) => {
  const list = (Array.isArray(v) ? v : v.split(",")).map((f) => f.trim());
  const unknown = list.filter((f) => !(OutputFormat.options as readonly string[]).includes(f));
  if (unknown.length || !list.length) ctx.addIssue({ code: "custom", message: `unknown format(s) ${unknown.join(", ") || "(none)"}; allowed: ${OutputFormat.options.join(", ")}` });
  return list.join(",");
});
const pack = z.string().refine((v) => PACK_NAMES.includes(v), { error: `must be an entity pack this release ships: ${PACK_NAMES.join(", ")}` });
const bool = z.union([z.boolean(), z.enum(["true", "false"])]).transform(String);
// host:port, [v6]:port: a port outside 1-65535 would fail later with a message naming no setting.
const hostPort = text.refine((v) => {
  const m = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(v);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 65535;
}, "must be host:port with a port from 1 to 65535, e.g. 127.0.0.1:7233 or my-ns.tmprl.cloud:7233");
// Checked in this order so the message fits what is wrong; whatever the value, it is printed redacted.
const url = text
  .refine((v) => /^https?:\/\/[^/\\]/i.test(v) && URL.canParse(v), "must be an http(s) URL such as http://127.0.0.1:7070")
  .refine((v) => !v.includes("@"), "must not carry credentials (user:password@): give them in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
  .refine((v) => !/[?#]/.test(v), "must not carry a query or fragment: give scheme://host[:port]");
// A model provider's base URL may carry a path (…/v1) but, like every URL here, no credentials or query.
const baseUrl = text
  .refine((v) => /^https?:\/\/[^/\\]/i.test(v) && URL.canParse(v), "must be an http(s) URL such as http://127.0.0.1:11434/v1")
  .refine((v) => !/^[a-z]+:\/\/[^/]*@/i.test(v), "must not carry credentials (user:password@): give the key in the provider's API key variable")
  .refine((v) => !/[?#]/.test(v), "must not carry a query or fragment: give scheme://host[:port][/path]");
const provider = z.enum(["openai", "azure", "anthropic"], { error: "must be openai (any OpenAI-compatible server), azure or anthropic" });
const logLevel = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(["TRACE", "DEBUG", "INFO", "WARN", "ERROR"], { error: "must be one of TRACE, DEBUG, INFO, WARN, ERROR" }));

export const SETTINGS: readonly SettingSpec[] = [
  { key: "snapshot.pack", env: "SDH_PACK", flag: "pack", schema: pack, description: `entity pack: ${PACK_NAMES.join(" or ")}`, defaultText: "pc" },
  { key: "snapshot.recipe", env: "SDH_RECIPE", flag: "recipe", schema: text, description: "a recipe file (YAML or JSON) that declares the dataset, instead of a pack" },
  { key: "snapshot.records", env: "SDH_RECORDS", flag: "records", schema: whole(1), description: `root records per snapshot (${Object.entries(PACK_ENTITY_NAMES).map(([pack, entities]) => `${entities[0]} in ${pack}`).join(", ")}; a recipe's root)`, defaultText: "200" },
  { key: "snapshot.scale", env: "SDH_SCALE", flag: "scale", schema: factor, description: "with a recipe that states its records: that many times this factor (learned recipes state the sample's size)" },
  { key: "snapshot.seed", env: "SDH_SEED", flag: "seed", schema: integer, description: "seed of every random choice", defaultText: "42" },
  { key: "snapshot.asOf", env: "SDH_AS_OF", flag: "as-of", schema: date, description: "reference date for ages and years", defaultText: "2026-01-06" },
  { key: "snapshot.formats", env: "SDH_FORMATS", flag: "formats", schema: formats, description: "data file formats", defaultText: "csv,json,parquet" },
  { key: "snapshot.commercialShare", env: "SDH_COMMERCIAL_SHARE", flag: "commercial-share", schema: share, description: "pc only: share of root records that are business accounts rather than personal households (0 for a personal-auto book)", defaultText: "0.15" },
  { key: "snapshot.shards", env: "SDH_SHARDS", flag: "shards", schema: whole(1), description: "shards to split the root records into", defaultText: "shards of 50,000 root records" },
  { key: "target", env: "SDH_TARGET", flag: "target", schema: text, description: "where snapshots are published (s3://bucket/prefix or a folder)" },
  { key: "temporal.address", env: "TEMPORAL_ADDRESS", schema: hostPort, description: "Temporal frontend host:port", defaultText: "127.0.0.1:7233" },
  { key: "temporal.namespace", env: "TEMPORAL_NAMESPACE", schema: text, description: "Temporal namespace", defaultText: "default" },
  { key: "temporal.tls.enabled", env: "TEMPORAL_TLS", schema: bool, description: "TLS to Temporal (on when a certificate, server name or API key is set)", defaultText: "false" },
  { key: "temporal.tls.serverCaCertPath", env: "TEMPORAL_TLS_SERVER_CA_CERT_PATH", schema: text, description: "PEM file of the CA that signed the server's certificate", defaultText: "the system's CAs" },
  { key: "temporal.tls.serverCaCertData", env: "TEMPORAL_TLS_SERVER_CA_CERT_DATA", schema: text, description: "that CA as PEM text" },
  { key: "temporal.tls.serverName", env: "TEMPORAL_TLS_SERVER_NAME", schema: text, description: "name the server's certificate must carry (SNI)", defaultText: "the address's host" },
  { key: "temporal.tls.clientCertPath", env: "TEMPORAL_TLS_CLIENT_CERT_PATH", schema: text, description: "PEM file of this client's certificate (mTLS)" },
  { key: "temporal.tls.clientCertData", env: "TEMPORAL_TLS_CLIENT_CERT_DATA", schema: text, description: "that certificate as PEM text" },
  { key: "temporal.tls.clientKeyPath", env: "TEMPORAL_TLS_CLIENT_KEY_PATH", schema: text, description: "PEM file of this client's private key (mTLS)" },
  { key: "temporal.tls.clientKeyData", env: "TEMPORAL_TLS_CLIENT_KEY_DATA", schema: text, description: "that key as PEM text (environment only)", secret: true },
  { key: "temporal.apiKey", env: "TEMPORAL_API_KEY", schema: text, description: "Temporal API key, sent as a bearer token (environment only)", secret: true },
  { key: "temporal.taskQueue", env: "SDH_TASK_QUEUE", flag: "task-queue", schema: text, description: "task queue of the snapshot workers", defaultText: SNAPSHOT_TASK_QUEUE },
  { key: "temporal.uiUrl", env: "SDH_TEMPORAL_UI", schema: url, description: "Temporal Web UI, for links" },
  { key: "s3.endpoint", env: "SDH_S3_ENDPOINT", schema: url, description: "S3 endpoint (unset: AWS)" },
  { key: "s3.bucket", env: "SDH_S3_BUCKET", schema: text, description: "bucket `sdh doctor` checks" },
  { key: "s3.forcePathStyle", env: "SDH_S3_FORCE_PATH_STYLE", schema: bool, description: "path-style S3 URLs (local S3 servers)" },
  { key: "s3.region", env: "AWS_REGION", schema: text, description: "S3 region" },
  { key: "aws.accessKeyId", env: "AWS_ACCESS_KEY_ID", schema: text, description: "S3 access key (environment or AWS profile only)", secret: true },
  { key: "aws.secretAccessKey", env: "AWS_SECRET_ACCESS_KEY", schema: text, description: "S3 secret key (environment or AWS profile only)", secret: true },
  { key: "worker.concurrency", env: "SDH_WORKER_CONCURRENCY", flag: "concurrency", schema: whole(1), description: "activities a worker runs at once", defaultText: "one per core" },
  { key: "worker.staging", env: "SDH_STAGING_DIR", flag: "staging", schema: text, description: "staging folder, or s3://bucket/prefix shared by workers", defaultText: ".sdh/staging" },
  { key: "worker.httpPort", env: "SDH_WORKER_HTTP_PORT", flag: "http-port", schema: port, description: "port of the worker's /metrics, /healthz and /readyz", defaultText: "none: not served" },
  { key: "worker.httpHost", env: "SDH_WORKER_HTTP_HOST", flag: "http-host", schema: text, description: "address those endpoints listen on", defaultText: "0.0.0.0" },
  { key: "worker.deploymentName", env: "SDH_WORKER_DEPLOYMENT", flag: "deployment", schema: text, description: "worker deployment this worker is a version of (worker versioning)", defaultText: "none: unversioned" },
  { key: "worker.buildId", env: "SDH_WORKER_BUILD_ID", flag: "build-id", schema: text, description: "its build id, with a deployment", defaultText: "<sdh version>-<workflow bundle sha256, 12 hex>" },
  { key: "serve.host", env: "SDH_SERVE_HOST", flag: "host", schema: text, description: "address `sdh serve` listens on", defaultText: "127.0.0.1" },
  { key: "serve.port", env: "SDH_SERVE_PORT", flag: "port", schema: port, description: "its port", defaultText: "8080" },
  { key: "serve.cache", env: "SDH_SERVE_CACHE", flag: "cache-dir", schema: text, description: "its copies of S3 Parquet files for previews", defaultText: ".sdh/catalog-cache" },
  { key: "serve.token", env: "SDH_SERVE_TOKEN", schema: text, description: "bearer token of `sdh serve`'s build routes (environment only; unset: they are disabled)", secret: true },
  { key: "serve.corsOrigins", env: "SDH_SERVE_CORS_ORIGINS", flag: "cors-origin", schema: text, description: "origins allowed to call its API from their pages (comma-separated)", defaultText: "none: CORS off" },
  { key: "worker.cache", env: "SDH_STAGING_CACHE", flag: "cache", schema: text, description: "a worker's working copy when staging is on S3", defaultText: ".sdh/staging-cache" },
  { key: "draft.provider", env: "SDH_DRAFT_PROVIDER", flag: "provider", schema: provider, description: "model provider of `sdh draft`: openai (any OpenAI-compatible server), azure or anthropic", defaultText: "the one whose variables are set (only OPENAI_*: openai)" },
  { key: "draft.model", env: "SDH_DRAFT_MODEL", flag: "model", schema: text, description: "the model `sdh draft` asks (on Azure: the deployment)", defaultText: "gpt-4.1 on OpenAI, claude-sonnet-4-5 on Anthropic; a local server's must be named" },
  { key: "draft.baseUrl", env: "SDH_DRAFT_BASE_URL", flag: "base-url", schema: baseUrl, description: "the provider's base URL, above OPENAI_BASE_URL / ANTHROPIC_BASE_URL / AZURE_OPENAI_ENDPOINT", defaultText: "the provider's own" },
  { key: "draft.maxRepairs", env: "SDH_DRAFT_MAX_REPAIRS", flag: "max-repairs", schema: whole(0), description: "rounds in which `sdh draft` sends a draft's problems back for repair", defaultText: "3" },
  { key: "draft.tokenBudget", env: "SDH_DRAFT_TOKEN_BUDGET", flag: "token-budget", schema: whole(1000), description: "tokens (in and out) one draft may spend; answers from the cache cost none", defaultText: "100000" },
  { key: "draft.requestTimeout", env: "SDH_DRAFT_REQUEST_TIMEOUT", flag: "request-timeout", schema: whole(1), description: "seconds one model request may take before it is retried", defaultText: "120" },
  { key: "draft.dir", env: "SDH_DRAFT_DIR", flag: "draft-dir", schema: text, description: "where `sdh draft` keeps its sessions (SQLite) and answer cache", defaultText: ".sdh/draft" },
  { key: "openai.baseUrl", env: "OPENAI_BASE_URL", schema: baseUrl, description: "an OpenAI-compatible server (Ollama, vLLM, llama.cpp: …/v1), read by the OpenAI SDK", defaultText: "https://api.openai.com/v1" },
  { key: "openai.apiKey", env: "OPENAI_API_KEY", schema: text, description: "OpenAI (or compatible server) API key (environment only)", secret: true },
  { key: "azure.endpoint", env: "AZURE_OPENAI_ENDPOINT", schema: baseUrl, description: "Azure OpenAI resource endpoint" },
  { key: "azure.apiVersion", env: "OPENAI_API_VERSION", schema: text, description: "Azure OpenAI API version", defaultText: "2024-10-21" },
  { key: "azure.apiKey", env: "AZURE_OPENAI_API_KEY", schema: text, description: "Azure OpenAI API key (environment only)", secret: true },
  { key: "anthropic.baseUrl", env: "ANTHROPIC_BASE_URL", schema: baseUrl, description: "Anthropic API base URL, read by the Anthropic SDK", defaultText: "https://api.anthropic.com" },
  { key: "anthropic.apiKey", env: "ANTHROPIC_API_KEY", schema: text, description: "Anthropic API key (environment only)", secret: true },
  { key: "logLevel", env: "SDH_LOG_LEVEL", schema: logLevel, description: "Temporal SDK log level", defaultText: "WARN" },
];

export const settingByFlag = new Map(SETTINGS.filter((s) => s.flag).map((s) => [s.flag!, s]));
