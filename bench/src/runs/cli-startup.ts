// What `sdh --help` and `sdh --version` cost a user (issue 33.18): the built CLI started fresh, one
// command after another, each to its exit. Peak RSS from /proc while it runs (sampled every 5 ms).
// Prints { seconds (per command, median), count (commands), peakRssMb (the largest), ... }.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { percentile } from "../stats.js";

const cli = fileURLToPath(new URL("../../../apps/cli/dist/main.js", import.meta.url));
const RUNS = 15;

function run(args: string[]): Promise<{ seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: "ignore" });
    let peak = 0;
    const sample = setInterval(() => {
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSafe(`/proc/${child.pid}/status`))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) / 1024);
    }, 5);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`sdh ${args.join(" ")} exited ${code}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, peakRssMb: peak });
    });
  });
}
const readFileSafe = (path: string) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
};

const which = process.argv[2] === "version" ? ["--version"] : ["--help"];
const runs = [];
for (let k = 0; k < RUNS; k++) runs.push(await run(which));
const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
console.log(JSON.stringify({ seconds: percentile(seconds, 0.5), count: 1, peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), p90Seconds: percentile(seconds, 0.9), command: `sdh ${which[0]}` }));
