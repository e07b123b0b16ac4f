import { detectTextType, freeTextType } from "./detect-text.js";
import type { Cell, SampleColumn } from "./sample-file.js";
import { inverseNormalCdf, normalScores, quantileOf, roundTo } from "./statistics.js";

// One column of a sample → one field of a recipe, by privacy-safe summaries only: a null rate, the
// quantiles of numbers and dates (at most one per k rows, and never the sample's extremes), the
// shares of categories seen at least k times, or a semantic type whose values the engine synthesizes.
// Alongside, each row's normal score, from which the entity's correlations are learned.

export interface LearnOptions {
  /** A category's value is carried only if at least this many rows hold it. */
  k: number;
}

export interface LearnedField {
  spec: Record<string, unknown>;
  /** What the learner saw and did, for the recipe's comment. */
  note: string;
  /** Each row's normal score, when the field can take part in the entity's correlations. */
  scores: Float64Array | null;
  /** A category's values and their counts, in the order listed (which its scores follow). */
  categories?: Array<[Exclude<Cell, null>, number]>;
}

/**
 * Each row's score for a category: the middle of its value's interval of (0, 1), the intervals in
 * the order the values are listed and as wide as their shares; 0 for a null or a value not carried.
 */
export function categoryScores(values: readonly Cell[], listed: ReadonlyArray<[Exclude<Cell, null>, number]>): Float64Array {
  const total = listed.reduce((s, [, c]) => s + c, 0);
  const middle = new Map<unknown, number>();
  let at = 0;
  for (const [v, c] of listed) {
    middle.set(v, inverseNormalCdf((at + c / 2) / total));
    at += c;
  }
  return Float64Array.from(values, (v) => middle.get(v) ?? 0);
}

/** Quantile points: enough to follow the shape, at most one per k rows, 3 to 101. */
const pointsFor = (n: number, k: number) => Math.max(3, Math.min(101, Math.floor(n / k) + 1));
/** Categories at most: more distinct values than this are not a category. */
const MAX_CATEGORIES = 200;
/** A column is a category when the values seen k times cover this share of its rows. */
const CATEGORY_COVER = 0.9;
/** Names that say a number is money. */
const MONEY_NAME = /(price|amount|total|cost|fee|balance|salary|income|revenue|premium|payment|charge|spend|paid)/i;

const percent = (x: number) => `${roundTo(x * 100, 1)}%`;

/**
 * Quantiles at equally spaced points from the 0.5th to the 99.5th percentile: the ends are
 * interpolated, never a sample's own minimum or maximum.
 */
function smoothQuantiles(sorted: Float64Array, points: number): number[] {
  const lo = sorted.length > 20 ? 0.005 : 0.02;
  return Array.from({ length: points }, (_, i) => quantileOf(sorted, lo + ((1 - 2 * lo) * i) / (points - 1)));
}

/** Decimals the values are written with (at most 6). */
function decimalsOf(values: Float64Array): number {
  let most = 0;
  for (let i = 0; i < values.length && most < 6; i++) {
    const text = String(values[i]);
    const dot = text.indexOf(".");
    if (dot >= 0 && !text.includes("e")) most = Math.max(most, Math.min(6, text.length - dot - 1));
  }
  return most;
}

/** Dates and timestamps written as ISO text (JSON has no date type; CSV readers may leave them text). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A text column of ISO dates or timestamps read as one (whole seconds, UTC), else the column. */
function asTemporal(column: SampleColumn): SampleColumn {
  if (column.kind !== "text") return column;
  const present = column.values.filter((v): v is string => typeof v === "string");
  if (present.length === 0) return column;
  if (present.every((v) => ISO_DATE.test(v))) return { ...column, kind: "date" };
  // Without a zone, a timestamp is read as UTC (Date.parse would take the machine's zone).
  const utc = (v: string) => Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v.replace(" ", "T") : `${v.replace(" ", "T")}Z`);
  if (!present.every((v) => ISO_TIMESTAMP.test(v) && Number.isFinite(utc(v)))) return column;
  return { ...column, kind: "timestamp", values: column.values.map((v) => (typeof v === "string" ? `${new Date(utc(v)).toISOString().slice(0, 19)}Z` : v)) };
}

export function inferField(name: string, sampleColumn: SampleColumn, options: LearnOptions): LearnedField {
  const column = asTemporal(sampleColumn);
  const n = column.values.length;
  const present = column.values.filter((v): v is Exclude<Cell, null> => v !== null && !(typeof v === "number" && !Number.isFinite(v)));
  const nullRate = roundTo(1 - present.length / n, 4);
  const withNulls = (f: LearnedField): LearnedField => (nullRate > 0 ? { ...f, spec: { ...f.spec, nullRate }, note: `${f.note}; null in ${percent(nullRate)}` } : f);
  if (present.length === 0) return { spec: { type: "constant", value: "", nullRate: 1 }, note: "always null in the sample", scores: null };

  const counts = new Map<Exclude<Cell, null>, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  const kept = [...counts].filter(([, c]) => c >= options.k).sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const keptRows = kept.reduce((s, [, c]) => s + c, 0);

  if (column.kind === "boolean") {
    const rate = roundTo((counts.get(true) ?? 0) / present.length, 4);
    const scores = Float64Array.from(column.values, (v) => (v === null ? 0 : v ? inverseNormalCdf(rate / 2) : inverseNormalCdf((1 + rate) / 2)));
    return withNulls({ spec: { type: "boolean", rate }, note: `true in ${percent(rate)} of rows`, scores });
  }

  // Few distinct values, each seen at least k times: a category, with the values' own type and shares.
  const fewValues = counts.size <= MAX_CATEGORIES && kept.length >= 1 && keptRows / present.length >= CATEGORY_COVER;
  if (fewValues && (column.kind !== "number" || counts.size <= 25) && column.kind !== "date" && column.kind !== "timestamp") {
    const dropped = counts.size - kept.length;
    const values = kept.map(([v]) => v);
    const weights = kept.map(([, c]) => roundTo(c / keptRows, 4));
    const scores = categoryScores(column.values, kept);
    const note = `${kept.length} value${kept.length === 1 ? "" : "s"}${dropped ? `; ${dropped} seen fewer than ${options.k} times not carried (${percent(1 - keptRows / present.length)} of rows)` : ""}`;
    return withNulls({ spec: { type: "category", values, weights }, note, scores, categories: kept });
  }

  if (column.kind === "number" || column.kind === "date" || column.kind === "timestamp") {
    const asNumber = (v: Cell) => (v === null ? null : column.kind === "number" ? (v as number) : Date.parse(column.kind === "date" ? `${String(v)}T00:00:00Z` : String(v)) / 86_400_000);
    const numbers = column.values.map((v) => (v === null || (typeof v === "number" && !Number.isFinite(v)) ? null : asNumber(v)));
    const sorted = Float64Array.from(numbers.filter((v): v is number => v !== null && Number.isFinite(v))).sort();
    const quantiles = smoothQuantiles(sorted, pointsFor(sorted.length, options.k));
    const scores = normalScores(numbers);
    const note = `${sorted.length} values, ${counts.size} distinct; ${quantiles.length} quantiles`;
    if (column.kind !== "number") {
      const days = quantiles.map((d) => new Date(Math.floor(d) * 86_400_000).toISOString().slice(0, 10));
      return withNulls({ spec: { type: column.kind, quantiles: days }, note, scores });
    }
    const integral = sorted.every(Number.isInteger);
    const scale = integral ? 0 : decimalsOf(sorted);
    const places = integral ? 0 : Math.max(scale, 2);
    const distribution = { quantiles: quantiles.map((q) => roundTo(q, places + 1)) };
    if (integral) return withNulls({ spec: { type: "integer", distribution }, note, scores });
    if (MONEY_NAME.test(name) && scale <= 2 && sorted[0]! >= 0) return withNulls({ spec: { type: "money", distribution }, note, scores });
    return withNulls({ spec: { type: "decimal", scale, distribution }, note, scores });
  }

  const text = present.map(String);
  const detected = detectTextType(text, name);
  if (detected) return withNulls({ spec: detected.spec, note: `${detected.note}; ${counts.size} distinct values, none carried`, scores: null });
  const labels = shortLabels(text, kept, options.k);
  if (labels) return withNulls(labels);
  const free = freeTextType(text);
  return withNulls({ spec: free.spec, note: `${free.note}; ${counts.size} distinct values, none carried`, scores: null });
}

/** Longer than this (in words, on average) a column is free text, whose words are not a label's. */
const LABEL_WORDS = 8;
/** Words a phrase vocabulary keeps at most, and labels a category lists at most. */
const MAX_WORDS = 2_000;
const MAX_LABELS = 200;

/**
 * A column of short labels (product, airport or car names) too varied to be a category: the labels k
 * rows hold are listed with their shares, and the rest become phrases of the words k rows hold, in
 * the column's numbers of words — so its values read like the column's without carrying a rare one.
 * Null for free text, or when no word is held by k rows.
 */
function shortLabels(text: readonly string[], kept: ReadonlyArray<[Exclude<Cell, null>, number]>, k: number): Omit<LearnedField, "spec"> & { spec: Record<string, unknown> } | null {
  const split = text.map((t) => t.split(/\s+/).filter((w) => w.length > 0 && w.length <= 40));
  if (split.reduce((n, w) => n + w.length, 0) / text.length > LABEL_WORDS) return null;
  const rowsWith = new Map<string, number>();
  for (const words of split) for (const w of new Set(words)) rowsWith.set(w, (rowsWith.get(w) ?? 0) + 1);
  const vocabulary = [...rowsWith].filter(([, c]) => c >= k).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_WORDS);
  const labels = kept.slice(0, MAX_LABELS);
  if (vocabulary.length === 0 && labels.length === 0) return null;
  const lengthCounts = new Map<number, number>();
  for (const words of split) if (words.length) lengthCounts.set(Math.min(12, words.length), (lengthCounts.get(Math.min(12, words.length)) ?? 0) + 1);
  const common = [...lengthCounts].filter(([, c]) => c >= k);
  const lengths = Object.fromEntries((common.length ? common : [...lengthCounts]).sort((a, b) => a[0] - b[0]).map(([n, c]) => [String(n), c]));
  const phrase = vocabulary.length ? { words: vocabulary.map(([w]) => w), weights: vocabulary.map(([, c]) => c), lengths } : {};
  const labelRows = labels.reduce((n, [, c]) => n + c, 0);
  const rate = roundTo(1 - labelRows / text.length, 4);
  const note = `short labels, ${new Set(text).size} distinct: ${labels.length} held by at least ${k} rows kept (${percent(1 - rate)} of rows); the rest phrases of the ${vocabulary.length} words held by at least ${k} rows`;
  if (labels.length === 0) return { spec: { type: "phrase", ...phrase }, note, scores: null };
  const values = labels.map(([v]) => String(v));
  const weights = labels.map(([, c]) => roundTo(c / labelRows, 4));
  return { spec: { type: "category", values, weights, ...(rate > 0 ? { other: { rate, ...phrase } } : {}) }, note, scores: null };
}
