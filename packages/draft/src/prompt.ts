import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { recipeReference } from "@sdh/recipes";
import { parse as parseYaml } from "yaml";
import type { ChatMessage } from "./providers/provider.js";
import type { SampleSummary } from "./sample-summary.js";

/** One clarification as the model reads it: the question, the answer, and whether it was assumed. */
export interface Clarification {
  question: string;
  answer: string;
  assumed: boolean;
}

/** The shipped retail example, as JSON: one worked recipe teaches the shape better than prose. */
function exampleRecipe(): string {
  const path = createRequire(import.meta.url).resolve("@sdh/recipes/examples/retail-orders.yaml");
  return JSON.stringify(parseYaml(readFileSync(path, "utf8")));
}

let system: string | undefined;

/**
 * The system prompt: what sdh is, the answer's exact shape, and the recipe language's own reference
 * (generated from the code, the same text as docs/recipes.md), so the model drafts against the
 * language this release checks.
 */
export function systemPrompt(): string {
  system ??= [
    "You draft recipes for sdh, a synthetic test-data engine. A recipe declares a dataset as data: entities (tables), fields of semantic types, parents and children. The engine generates every row from the recipe; you never write rows or example values of people.",
    "",
    "Answer with exactly one JSON object and nothing else (no prose, no code fence):",
    '{"recipe": <the recipe as a JSON object>, "assumptions": ["each choice the requirements did not state, one short sentence each"]}',
    "",
    "Rules:",
    '- "recipe": 1 and a "name" of lowercase letters, digits and "-" (2-40 characters), a "title", and one root entity (the only entity without a parent).',
    "- Use only the semantic types and settings in the reference below; a field's settings are those its type lists.",
    "- Entity and field names are snake_case. Every entity has a key field of type uuid or sequence. A child's parent.field is written by the engine: do not declare it in fields.",
    "- Prefer the types that carry meaning (first_name, email, postal_code, money, date…) over generic text.",
    "- Put every choice the requirements did not state (counts, ranges, rates, categories) in assumptions.",
    "- If you are told the recipe has problems, answer with the whole corrected JSON object in the same shape.",
    "",
    "The recipe language:",
    "",
    recipeReference(),
    "",
    "An example recipe, as JSON:",
    exampleRecipe(),
  ].join("\n");
  return system;
}

/** The first message: the requirements, the clarifications, and (if sent) the sample's summary. */
export function requirementsMessage(requirements: string, clarifications: readonly Clarification[], sample: SampleSummary | undefined): ChatMessage {
  const parts = [`Requirements:\n${requirements.trim()}`];
  if (clarifications.length) parts.push(`Clarifications:\n${clarifications.map((c) => `- ${c.question}\n  ${c.assumed ? "Not stated; assume: " : "Answer: "}${c.answer}`).join("\n")}`);
  if (sample) parts.push(`A sample was summarized on the user's machine (names, types and summary statistics only; no rows). Model these tables on it, keeping its entity and field names:\n${JSON.stringify(sample)}`);
  parts.push("Draft the recipe.");
  return { role: "user", content: parts.join("\n\n") };
}

/** The message that sends a draft's problems back for repair. */
export function repairMessage(problems: readonly string[]): ChatMessage {
  return { role: "user", content: `That recipe has problems:\n${problems.map((p) => `- ${p}`).join("\n")}\nAnswer with the whole corrected JSON object, in the same shape.` };
}
