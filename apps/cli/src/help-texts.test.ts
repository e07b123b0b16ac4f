import { describe, expect, it } from "vitest";
import { commandHelp } from "./help-texts.js";

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
