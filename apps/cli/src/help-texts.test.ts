import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commandHelp, renderCliReference } from "./help-texts.js";

describe("every command's --help", () => {
  it.each(Object.keys(commandHelp))("%s: says what it does, its exit codes, and shows examples of itself", (command) => {
    const text = commandHelp[command]!;
    expect(text.startsWith(`sdh ${command}`)).toBe(true);
    expect(text).toMatch(/Exit codes: 0 /);
    const examples = text.slice(text.indexOf("Examples:"));
    expect(text).toContain("Examples:");
    // As the installed sdh is run: `sdh …`, not the repository's `pnpm sdh …` (issue 33.12).
    expect(examples).toMatch(new RegExp(`^  sdh ${command}\\b`, "m"));
    expect(text).not.toContain("pnpm sdh");
  });

  it.each(Object.keys(commandHelp))("%s: options in one list start their descriptions in one column", (command) => {
    // Consecutive `  --flag …  description` lines form a list; continuation lines are indented alike.
    const lists: number[][] = [[]];
    for (const line of commandHelp[command]!.split("\n")) {
      const option = /^( {2}--\S+(?: [^\s-]\S*)?)( {2,})\S/.exec(line);
      if (option) lists.at(-1)!.push(option[1]!.length + option[2]!.length);
      else if (!/^ {4,}\S/.test(line)) lists.push([]);
    }
    for (const columns of lists) expect(new Set(columns).size, `${command}: description columns ${columns.join(",")}`).toBeLessThanOrEqual(1);
  });
});

describe("docs/cli.md", () => {
  it("is the CLI's own help, regenerated (pnpm docs:cli)", () => {
    const committed = fileURLToPath(new URL("../../../docs/cli.md", import.meta.url));
    const text = renderCliReference();
    if (process.env.SDH_UPDATE_GOLDEN === "1") writeFileSync(committed, text);
    expect(readFileSync(committed, "utf8")).toBe(text);
  });
});
