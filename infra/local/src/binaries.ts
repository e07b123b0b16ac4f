import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { installScript } from "./paths.js";

const run = promisify(execFile);

export type ServiceBinary = "temporal" | "versitygw";

/**
 * Finds or builds a service binary via the install script (the one place that knows versions and
 * the Go build). The first build takes minutes, so the script's progress goes to our stderr.
 */
export async function resolveBinary(name: ServiceBinary): Promise<string> {
  const child = run("bash", [installScript, name], { maxBuffer: 1 << 20 });
  child.child.stderr?.pipe(process.stderr);
  const { stdout } = await child;
  const path = stdout.trim().split("\n").at(-1);
  if (!path) throw new Error(`install-binaries.sh printed no path for ${name}`);
  return path;
}
