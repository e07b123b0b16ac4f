import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const cliMain = fileURLToPath(new URL("../src/main.ts", import.meta.url));
export const tsxBin = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `sdh` entry point in its own process, as `pnpm sdh` does. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): CliRun {
  const result = spawnSync(tsxBin, ["--conditions=sdh-source", cliMain, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    cwd,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
