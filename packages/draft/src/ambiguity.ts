/**
 * What a recipe needs that the requirements may not say. Each check is a rule over the text (no
 * model: the same text always raises the same questions, and they can be asked before anything
 * leaves the machine), and the questions are ranked by how much of the recipe their answer moves:
 * the tables and how they hang together first, formats last.
 */

export const QUESTION_IDS = ["relationships", "records", "ranges", "nulls", "locale", "formats"] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface Question {
  id: QuestionId;
  /** 1 moves the most of the recipe. */
  impact: number;
  text: string;
  defaultAnswer: string;
  /** Why it is asked: what the text lacked. */
  why: string;
}

/** What a sample learned on this machine already answers. */
export interface KnownFromSample {
  records: number;
  tables: number;
}

interface Check {
  id: QuestionId;
  text: string;
  defaultAnswer: (known: KnownFromSample | undefined) => string;
  /** True when the requirements (or the sample) already say it. */
  said: (text: string, known: KnownFromSample | undefined) => boolean;
  why: string;
}

const NUMBER = String.raw`\d[\d,_.]*\s*(?:k|thousand|m|million)?`;
const CHECKS: Check[] = [
  {
    id: "relationships",
    text: "Which tables are there, and how do they hang together (for example: customers, each with 0-5 orders, each order with 1-4 lines)?",
    defaultAnswer: () => "as the requirements imply; the model states what it chose",
    said: (t, known) => (known?.tables ?? 0) > 1 || /\b(each|per|every|has many|have many|belongs? to|with (?:their|its|several|many|one or more)|child(?:ren)?|parent|line items?|one-to-many|many-to-one|foreign key|refers? to|references?|one table|a single table|single table)\b/i.test(t),
    why: "the requirements do not say how records relate (each, per, belongs to, one table…)",
  },
  {
    id: "records",
    text: "How many root records should a build make by default?",
    defaultAnswer: (known) => String(known?.records ?? 1000),
    said: (t, known) => known !== undefined || new RegExp(String.raw`\b${NUMBER}\s+(?:[a-z]+\s+)?(?:rows|records|[a-z]{3,}s)\b`, "i").test(t),
    why: "the requirements give no number of records",
  },
  {
    id: "ranges",
    text: "Which value ranges matter (ages, amounts, dates, counts)?",
    defaultAnswer: () => "typical values for the domain, stated as assumptions",
    said: (t, known) => known !== undefined || /\d+\s*(?:-|–|to)\s*\$?\d+|\bbetween\b[^.]*\band\b|\b(?:min(?:imum)?|max(?:imum)?|at least|at most|up to|under|over|range|since|last \d+|past \d+)\b/i.test(t),
    why: "the requirements state no ranges or limits",
  },
  {
    id: "nulls",
    text: "Which fields may be empty, and how often?",
    defaultAnswer: () => "none, except fields the domain leaves optional (5-20% empty)",
    said: (t, known) => known !== undefined || /\b(?:null|nulls|missing|empty|optional|blank|nullable|not always|sometimes)\b/i.test(t),
    why: "the requirements do not say what may be missing",
  },
  {
    id: "locale",
    text: "Which country and language should names, addresses and phones follow? (sdh's reference tables are US)",
    defaultAnswer: () => "United States, English",
    said: (t) => /\b(?:US|U\.S\.|USA|United States|American|locale|country|countries|state|states|ZIP)\b/.test(t),
    why: "the requirements name no country or locale",
  },
  {
    id: "formats",
    text: "Which file formats do you need (csv, json, jsonl, parquet)?",
    defaultAnswer: () => "csv,json,parquet",
    said: (t) => /\b(?:csv|parquet|jsonl|json)\b/i.test(t),
    why: "the requirements name no file format",
  },
];

export function questionsFor(requirements: string, known?: KnownFromSample): Question[] {
  return CHECKS.flatMap((check, i) => (check.said(requirements, known) ? [] : [{ id: check.id, impact: i + 1, text: check.text, defaultAnswer: check.defaultAnswer(known), why: check.why }]));
}

/** The formats a formats answer names, in the CLI's list form; undefined when it names none. */
export function formatsOf(answer: string): string | undefined {
  const found = ["csv", "jsonl", "json", "parquet"].filter((f) => new RegExp(String.raw`\b${f}\b`, "i").test(answer));
  return found.length ? found.join(",") : undefined;
}
