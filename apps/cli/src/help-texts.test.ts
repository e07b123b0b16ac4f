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
    expect(examples).toMatch(new RegExp(`pnpm sdh ${command}\\b`));
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
