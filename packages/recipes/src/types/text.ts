import { pick, pickWeighted, SURNAMES } from "@sdh/rules";
import { z } from "zod";
import { LOREM_WORDS } from "./lorem.js";
import { PhraseParams, phraseMaker, phraseProblems } from "./phrase.js";
import { semanticType } from "./semantic-type.js";

// Free text, phrases and names of organisations. Text is lorem ipsum (lorem.ts), so no sentence says
// anything real; a phrase recombines a vocabulary's words (phrase.ts). Company names follow a rule: a
// Census surname (or two) and a common form of business name and suffix.

const words = (r: Parameters<typeof pick>[0], n: number) => Array.from({ length: n }, () => pick(r, LOREM_WORDS));
const sentence = (r: Parameters<typeof pick>[0]) => {
  const w = words(r, 5 + Math.floor(r.next() * 8)).join(" ");
  return `${w[0]!.toUpperCase()}${w.slice(1)}.`;
};

const FORMS = ["{a} & {b}", "{a} Group", "{a} Holdings", "{a} Partners", "{a} Associates", "{a} Industries", "{a} Services", "{a} Supply", "{a} & Sons", "{a}-{b}"] as const;
const SUFFIXES = ["LLC", "Inc.", "Co.", "Corp.", "LLP"] as const;

export const TEXT_TYPES = [
  semanticType({
    name: "phrase",
    group: "text",
    description: "Words of a vocabulary by weight, a number of words by weight: short labels that read like a column's own (what sdh learn writes for names too rare to carry)",
    example: '{ type: phrase, words: [Regional, Municipal, County, Airport, Field], weights: [3, 5, 4, 6, 2], lengths: { "1": 0.2, "2": 0.6, "3": 0.2 } }',
    params: PhraseParams.superRefine((p, ctx) => {
      const problem = phraseProblems(p);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    schema: () => z.string().min(1),
    make: (p) => {
      const phrase = phraseMaker(p);
      return (ctx) => phrase(ctx.random);
    },
  }),
  semanticType({ name: "word", group: "text", description: "One lorem ipsum word", example: "{ type: word }", params: z.strictObject({}), schema: () => z.string().min(1), make: () => (ctx) => pick(ctx.random, LOREM_WORDS) }),
  semanticType({ name: "sentence", group: "text", description: "A lorem ipsum sentence of 5-12 words", example: "{ type: sentence }", params: z.strictObject({}), schema: () => z.string().min(1), make: () => (ctx) => sentence(ctx.random) }),
  semanticType({
    name: "paragraph",
    group: "text",
    description: "Free text: `sentences` lorem ipsum sentences (default 3-6)",
    example: "{ type: paragraph, sentences: { min: 1, max: 3 } }",
    params: z.strictObject({ sentences: z.strictObject({ min: z.number().int().min(1).max(50), max: z.number().int().min(1).max(50) }).optional() }),
    schema: () => z.string().min(1),
    make: (p) => (ctx) => {
      const { min, max } = p.sentences ?? { min: 3, max: 6 };
      const n = Math.min(min, max) + Math.floor(ctx.random.next() * (Math.abs(max - min) + 1));
      return Array.from({ length: n }, () => sentence(ctx.random)).join(" ");
    },
  }),
  semanticType({
    name: "company",
    group: "business",
    description: "A business name: Census surnames in a common form (Garcia & Sons, Nguyen Holdings) and a suffix (LLC, Inc.)",
    example: "{ type: company }",
    params: z.strictObject({}),
    schema: () => z.string().min(1),
    make: () => (ctx) => `${pick(ctx.random, FORMS).replace("{a}", pickWeighted(ctx.random, SURNAMES)).replace("{b}", pickWeighted(ctx.random, SURNAMES))} ${pick(ctx.random, SUFFIXES)}`,
  }),
];
