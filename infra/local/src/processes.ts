import { spawn } from "node:child_process";
import { openSync, closeSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** Starts a long-running server in its own process group, output to a log file, not tied to our lifetime. */
export function startDetached(binary: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): number {
  const log = openSync(logFile, "a");
  try {
    const child = spawn(binary, args, { detached: true, stdio: ["ignore", log, log], env });
    if (child.pid === undefined) throw new Error(`could not start ${binary}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/**
 * True when `pid` is alive and still runs `binary`. The check on the command line keeps us from
 * signalling an unrelated process that reused a recorded pid.
 */
export function isRunning(pid: number, binary: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.split("\0")[0] === binary;
  } catch {
    // No /proc (macOS): the signal check above is all we have.
    return true;
  }
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopProcess(pid: number, binary: string, graceMs = 10_000): Promise<void> {
  if (!isRunning(pid, binary)) return;
  signal(pid, "SIGTERM");
  const deadline = performance.now() + graceMs;
  while (performance.now() < deadline) {
    if (!isRunning(pid, binary)) return;
    await sleep(100);
  }
  signal(pid, "SIGKILL");
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name); // the whole group: servers may fork helpers
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      /* already gone */
    }
  }
}
