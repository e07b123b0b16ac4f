import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

// The real browser of the page tests: Debian's Chromium (scripts/lib.sh installs it and exports
// SDH_CHROMIUM), driven headless over CDP by playwright-core. No browser is downloaded.

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.SDH_CHROMIUM || "/usr/bin/chromium";
  try {
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    return await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  } catch (error) {
    throw new Error(`cannot start Chromium at ${executablePath} (run scripts/test.sh, whose bootstrap installs it, or set SDH_CHROMIUM): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Console errors and uncaught exceptions of a page (a CSP violation is a console error). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`exception: ${e.message}`));
  return errors;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * The axe-core rules for WCAG 2.1 A and AA run inside the page (labels, names, contrast, landmarks,
 * headings…). The page's CSP forbids injected scripts, so axe runs in a context made with bypassCSP.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}
