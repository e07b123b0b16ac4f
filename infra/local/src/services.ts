import { resolveBinary } from "./binaries.js";
import { isRunning, stopProcess } from "./processes.js";
import { ensureBucket, s3Answers, startS3 } from "./s3-server.js";
import { readState, writeState, type S3Record, type ServicesState, type TemporalRecord } from "./state.js";
import { startTemporal, temporalAnswers } from "./temporal-server.js";

export interface UpOptions {
  stateDir: string;
  temporalPort: number;
  /** null: headless */
  uiPort: number | null;
  s3Port: number;
  namespace: string;
  bucket: string;
}

export type Outcome = "started" | "reused";

export interface UpResult {
  state: Required<ServicesState>;
  temporal: Outcome;
  s3: Outcome;
}

/** Idempotent: a service that already answers is reused, otherwise started and awaited. */
export async function servicesUp(options: UpOptions): Promise<UpResult> {
  const state = readState(options.stateDir);
  const [temporal, s3] = await Promise.all([temporalUp(state.temporal, options), s3Up(state.s3, options)]);
  const next = { temporal: temporal.record, s3: s3.record };
  writeState(options.stateDir, next);
  return { state: next, temporal: temporal.outcome, s3: s3.outcome };
}

async function temporalUp(recorded: TemporalRecord | undefined, options: UpOptions): Promise<{ record: TemporalRecord; outcome: Outcome }> {
  if (recorded && (recorded.pid === null || isRunning(recorded.pid, recorded.binary)) && (await temporalAnswers(recorded.binary, recorded.address, recorded.namespace))) {
    return { record: recorded, outcome: "reused" };
  }
  const address = `127.0.0.1:${options.temporalPort}`;
  const binary = await resolveBinary("temporal");
  if (await temporalAnswers(binary, address, options.namespace)) {
    // Somebody else's server on our port: use it, but never stop it.
    const record: TemporalRecord = { pid: null, binary, log: "", startedAt: new Date().toISOString(), address, namespace: options.namespace, uiUrl: null, dbFile: "" };
    return { record, outcome: "reused" };
  }
  const record = await startTemporal({ stateDir: options.stateDir, port: options.temporalPort, uiPort: options.uiPort, namespace: options.namespace });
  return { record, outcome: "started" };
}

async function s3Up(recorded: S3Record | undefined, options: UpOptions): Promise<{ record: S3Record; outcome: Outcome }> {
  if (recorded && recorded.pid !== null && isRunning(recorded.pid, recorded.binary) && (await s3Answers(recorded.endpoint).catch(() => false))) {
    const record = { ...recorded, bucket: options.bucket };
    await ensureBucket(record);
    return { record, outcome: "reused" };
  }
  const record = await startS3({ stateDir: options.stateDir, port: options.s3Port, bucket: options.bucket });
  return { record, outcome: "started" };
}

/** Stops only the processes we started; a reused foreign server is just forgotten. */
export async function servicesDown(stateDir: string): Promise<string[]> {
  const state = readState(stateDir);
  const stopped: string[] = [];
  await Promise.all(
    (["temporal", "s3"] as const).map(async (name) => {
      const record = state[name];
      if (record?.pid != null && isRunning(record.pid, record.binary)) {
        await stopProcess(record.pid, record.binary);
        stopped.push(`${name} (pid ${record.pid})`);
      }
    }),
  );
  writeState(stateDir, {});
  return stopped;
}

export interface ServiceStatus {
  name: "temporal" | "s3";
  running: boolean;
  answering: boolean;
  ownedByUs: boolean;
  where: string;
  pid: number | null;
}

export async function servicesStatus(stateDir: string): Promise<ServiceStatus[]> {
  const state = readState(stateDir);
  const out: ServiceStatus[] = [];
  if (state.temporal) {
    const t = state.temporal;
    out.push({
      name: "temporal",
      running: t.pid === null || isRunning(t.pid, t.binary),
      answering: await temporalAnswers(t.binary, t.address, t.namespace),
      ownedByUs: t.pid !== null,
      where: t.uiUrl ? `${t.address} (Web UI ${t.uiUrl})` : `${t.address} (headless)`,
      pid: t.pid,
    });
  }
  if (state.s3) {
    const s = state.s3;
    out.push({
      name: "s3",
      running: s.pid !== null && isRunning(s.pid, s.binary),
      answering: await s3Answers(s.endpoint).catch(() => false),
      ownedByUs: s.pid !== null,
      where: `${s.endpoint} bucket ${s.bucket}`,
      pid: s.pid,
    });
  }
  return out;
}
