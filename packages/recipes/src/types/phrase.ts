import { pickWeighted, weighted, type Random, type WeightedTable } from "@sdh/rules";
import { z } from "zod";

// A phrase: words from a vocabulary, by weight, a number of words by weight. What `sdh learn` writes
// for a column of short labels (product names, airport names, car models) whose whole values are too
// rare to carry: the words each held by at least k rows, recombined, so a value reads like the
// column's without being one of its rare rows (a recombination may equal a real value by chance, as a
// drawn name may be a real person's).

export const PhraseParams = z.strictObject({
  words: z
    .array(z.string().regex(/^\S{1,40}$/, "a word: 1-40 characters, no spaces"))
    .min(1)
    .max(5_000)
    .describe("The vocabulary"),
  weights: z.array(z.number().min(0)).max(5_000).optional().describe("Each word's weight, in the same order (default: equal)"),
  lengths: z
    .record(z.string().regex(/^([1-9]|1[0-2])$/, "a number of words, 1-12"), z.number().min(0))
    .optional()
    .describe('Words per phrase by weight, e.g. { "1": 0.2, "2": 0.5, "3": 0.3 } (default 1-3, equally likely)'),
});
export type PhraseParams = z.infer<typeof PhraseParams>;

/** The rules a phrase's settings must also meet (zod's shape cannot say them). */
export const phraseProblems = (p: PhraseParams): string | null =>
  p.weights && p.weights.length !== p.words.length ? "weights go with words, one weight per word" : p.weights && !p.weights.some((w) => w > 0) ? "weights must not all be 0" : p.lengths && !Object.values(p.lengths).some((w) => w > 0) ? "lengths must not all be 0" : null;

/** Draws phrases of these settings: a word count, then each word. */
export function phraseMaker(p: PhraseParams): (r: Random) => string {
  const vocabulary: WeightedTable<string> = weighted(p.words.map((w, i) => [w, p.weights?.[i] ?? 1] as const));
  const lengths = weighted(Object.entries(p.lengths ?? { 1: 1, 2: 1, 3: 1 }).map(([n, w]) => [Number(n), w] as const));
  return (r) => Array.from({ length: pickWeighted(r, lengths) }, () => pickWeighted(r, vocabulary)).join(" ");
}
