import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

/**
 * parseArgs for `sdh <command>`: an unknown or malformed option becomes a usage error (exit 2) that
 * points at the command's help.
 */
export function commandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  let parsed;
  try {
    const args = config.args && negativeValuesJoined(config.args, config.options ?? {});
    parsed = parseArgs({ ...config, args, tokens: true } as T & { tokens: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; see \`sdh ${command} --help\``);
  }
  // parseArgs keeps the last of a repeated option and takes an empty value: both are mistakes to say.
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (token.value === "") throw new UsageError(`${token.rawName} needs a value (got an empty one); see \`sdh ${command} --help\``);
    if (seen.has(token.name) && !config.options?.[token.name]?.multiple) throw new UsageError(`${token.rawName} is given more than once; give it once; see \`sdh ${command} --help\``);
    seen.add(token.name);
  }
  const { tokens: _tokens, ...result } = parsed;
  return result as ReturnType<typeof parseArgs<T>>;
}

/**
 * `--records -1` as `--records=-1`: parseArgs takes a value that starts with a dash for another
 * option and calls it ambiguous, where the user plainly gave a (bad) number, which the option's own
 * check then names.
 */
function negativeValuesJoined(args: readonly string[], options: NonNullable<ParseArgsConfig["options"]>): string[] {
  const joined: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    const next = args[k + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    if (name && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      k++;
    } else joined.push(arg);
  }
  return joined;
}
