import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

/** What every run script prints as its last line: its measurements and its own peak RSS. */
export interface RunOutput {
  seconds: number;
  /** Records (or persons, as `unit` says) handled in `seconds`. */
  count: number;
  bytes?: number;
  peakRssMb: number;
  [extra: string]: unknown;
}

/**
 * Runs one measurement in a fresh process (src/runs/<script>.ts), so no run inherits another's heap
 * or JIT state, and returns the JSON line it ends with. The @sdh packages resolve to their built
 * `dist` (no `sdh-source` condition), as in production: turbo builds them before `bench`.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunOutput> {
  const path = fileURLToPath(new URL(`./runs/${script}.ts`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${script} ${args.join(" ")} exited ${code}: ${stderr.slice(-2000)}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as RunOutput);
    });
  });
}

/** This process's peak RSS in MiB (worker threads included); maxRSS is in kilobytes. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A process's peak RSS in MiB from /proc (Linux): for the servers and workers we start. */
export async function processPeakRssMb(pid: number): Promise<number | null> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kb = status && /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : null;
}
