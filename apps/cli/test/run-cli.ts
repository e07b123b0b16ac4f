import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const cliMain = fileURLToPath(new URL("../src/main.ts", import.meta.url));
export const tsxBin = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

/**
 * `node` running the CLI from source in one process (tsx as a loader), for tests that signal it:
 * the tsx command runs the program in a child process, so a SIGKILL sent to it would miss the program.
 */
export function nodeCli(args: string[]): [string, string[]] {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [process.execPath, ["--import", tsxLoader, "--conditions=sdh-source", cliMain, ...args]];
}

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
