// Helpers for tests that run `sdh worker` processes against the test's Temporal dev server.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { testServices } from "@sdh/infra/testing";
import { afterAll } from "vitest";
import { nodeCli } from "./run-cli.js";

export const tmp = () => mkdtempSync(join(tmpdir(), "sdh-snapshot-cli-"));
export const MANIFEST = "snapshot_manifest_v0_9.json";

export function servicesEnv() {
  const s = testServices();
  return { TEMPORAL_ADDRESS: s.temporalAddress, TEMPORAL_NAMESPACE: s.namespace };
}

export function s3Env() {
  const s = testServices();
  return { SDH_S3_ENDPOINT: s.s3Endpoint, AWS_REGION: s.region, AWS_ACCESS_KEY_ID: s.accessKeyId, AWS_SECRET_ACCESS_KEY: s.secretAccessKey };
}

/** sha256 of every file under dir but the manifest (its generatedAt is the run's start). */
export function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== MANIFEST) out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

const workers: ChildProcess[] = [];
afterAll(() => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
});

/** Starts `sdh worker` as its own process and resolves once it polls. */
export function startWorker(taskQueue: string, staging: string, concurrency = 2, extra: string[] = [], temporalEnv: Record<string, string> = servicesEnv()): Promise<{ child: ChildProcess; output: () => string }> {
  const [node, args] = nodeCli(["worker", "--task-queue", taskQueue, "--staging", staging, "--concurrency", String(concurrency), ...extra]);
  const child = spawn(node, args, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...temporalEnv, ...s3Env() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.push(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('"worker started"')) {
        clearInterval(check);
        resolve({ child, output: () => output });
      } else if (child.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`worker exited early (${child.exitCode}): ${output}`));
      }
    }, 100);
  });
}

export const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

