import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const cliMain = fileURLToPath(new URL("../src/main.ts", import.meta.url));
export const tsxBin = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const builtMain = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/**
 * Which `sdh` the tests start: the built one (`dist/`, with the prebuilt workflow bundle) when
 * SDH_TEST_CLI=dist — scripts/test.sh builds it first and says so, and CI saves a second of CPU per
 * command and the workflow bundling of every worker that way (ADR 0022) — else the sources through tsx,
 * as a single test file run by hand needs no build.
 */
const BUILT = process.env.SDH_TEST_CLI === "dist";

/**
 * `node` running the CLI in one process (tsx as a loader from source), for tests that signal it:
 * the tsx command runs the program in a child process, so a SIGKILL sent to it would miss the program.
 */
export function nodeCli(args: string[]): [string, string[]] {
  if (BUILT) return [process.execPath, [builtMain, ...args]];
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [process.execPath, ["--import", tsxLoader, "--conditions=sdh-source", cliMain, ...args]];
}

/** The `sdh` command line as a shell string, for tests that run it through a shell (pipes, a terminal). */
export function cliCommandLine(args: string[]): string {
  const [node, argv] = BUILT ? [process.execPath, [builtMain]] : [tsxBin, ["--conditions=sdh-source", cliMain]];
  return [node, ...argv, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `sdh` entry point in its own process, as `pnpm sdh` does. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): CliRun {
  const [command, argv] = BUILT ? [process.execPath, [builtMain, ...args]] : [tsxBin, ["--conditions=sdh-source", cliMain, ...args]];
  const result = spawnSync(command, argv, {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    cwd,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runCli without blocking this process: for tests whose `sdh` talks to a server the test itself runs
 * (spawnSync would stop the server's event loop until the command gave up).
 */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliRun> {
  const [command, argv] = nodeCli(args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
