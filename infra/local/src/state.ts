import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What `services:up` started (or found running), recorded so `down` and `status` can act on it later. */
export interface ServiceRecord {
  /** Our pid when we started it; null when we reused a server somebody else runs. */
  pid: number | null;
  binary: string;
  log: string;
  startedAt: string;
}

export interface TemporalRecord extends ServiceRecord {
  address: string;
  namespace: string;
  uiUrl: string | null;
  dbFile: string;
}

export interface S3Record extends ServiceRecord {
  endpoint: string;
  bucket: string;
  root: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ServicesState {
  temporal?: TemporalRecord;
  s3?: S3Record;
}

export const stateFile = (stateDir: string) => join(stateDir, "services.json");
export const envFile = (stateDir: string) => join(stateDir, "services.env");

export function readState(stateDir: string): ServicesState {
  try {
    return JSON.parse(readFileSync(stateFile(stateDir), "utf8")) as ServicesState;
  } catch {
    return {};
  }
}

export function writeState(stateDir: string, state: ServicesState): void {
  mkdirSync(stateDir, { recursive: true });
  writeAtomically(stateFile(stateDir), `${JSON.stringify(state, null, 2)}\n`);
  writeAtomically(envFile(stateDir), renderEnv(state));
}

/** The connection settings the CLI and the worker read by default. */
export function connectionEnv(state: ServicesState): Record<string, string> {
  const env: Record<string, string> = {};
  if (state.temporal) {
    env.TEMPORAL_ADDRESS = state.temporal.address;
    env.TEMPORAL_NAMESPACE = state.temporal.namespace;
    if (state.temporal.uiUrl) env.SDH_TEMPORAL_UI = state.temporal.uiUrl;
  }
  if (state.s3) {
    env.SDH_S3_ENDPOINT = state.s3.endpoint;
    env.SDH_S3_BUCKET = state.s3.bucket;
    env.SDH_S3_FORCE_PATH_STYLE = "true";
    env.AWS_ACCESS_KEY_ID = state.s3.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = state.s3.secretAccessKey;
    env.AWS_REGION = state.s3.region;
  }
  return env;
}

function renderEnv(state: ServicesState): string {
  const lines = Object.entries(connectionEnv(state)).map(([k, v]) => `${k}=${v}`);
  return `# Written by \`pnpm services:up\`; read by the sdh CLI and worker unless the environment says otherwise.\n${lines.join("\n")}\n`;
}

function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
