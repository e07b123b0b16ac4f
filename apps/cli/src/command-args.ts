import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

/**
 * parseArgs for `sdh <command>`: an unknown or malformed option becomes a usage error (exit 2) that
 * points at the command's help.
 */
export function commandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; see \`sdh ${command} --help\``);
  }
}
