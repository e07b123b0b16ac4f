import { compilePattern } from "@sdh/recipes";
import { ALL_FIRST_NAMES, STATE_POPULATION, SURNAMES, ZIP_PLACES } from "@sdh/rules";

// What a text column holds, by looking at its values: a semantic type whose values the recipe engine
// synthesizes (an email, a phone, a name, a ZIP code), a code with a regular shape (a pattern), or
// free text. The values themselves never reach the recipe: only the type, or the shape of a code.

export interface TextType {
  spec: Record<string, unknown>;
  /** Why: what share of the values looked like it. */
  note: string;
}

/** Values looked at: the first this many distinct non-empty ones. */
const LOOK_AT = 2_000;

const upper = (s: string) => s.toUpperCase();
const SURNAME_SET = new Set(SURNAMES.items.map(upper));
const FIRST_SET = new Set([...ALL_FIRST_NAMES].map(upper));
const CITY_SET = new Set(ZIP_PLACES.map((p) => upper(p.city)));
const STATES = new Set<string>(STATE_POPULATION.keys());

/** Types told by a regular expression, most specific first; a type is chosen when 95% of the values match. */
const BY_SHAPE: Array<{ type: string; test: (v: string) => boolean }> = [
  { type: "uuid", test: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) },
  { type: "email", test: (v) => /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(v) },
  { type: "url", test: (v) => /^https?:\/\/\S+$/i.test(v) },
  { type: "ipv4", test: (v) => /^(\d{1,3})(\.\d{1,3}){3}$/.test(v) },
  { type: "time", test: (v) => /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(v) },
  { type: "ipv6", test: (v) => /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){3,7}$/i.test(v) && (v.includes("::") || v.split(":").length === 8) },
  { type: "mac_address", test: (v) => /^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/i.test(v) },
  { type: "postal_code", test: (v) => /^\d{5}(-\d{4})?$/.test(v) },
  { type: "phone", test: (v) => /^(\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/.test(v) },
  { type: "state", test: (v) => STATES.has(v) },
  { type: "street_address", test: (v) => /^\d{1,6}[A-Z]? [A-Za-z0-9 .'-]+$/.test(v) && /[A-Za-z]{2}/.test(v) },
];

/** Types told by reference tables (SSA first names, Census surnames, USPS cities); chosen at 80%. */
const BY_TABLE: Array<{ type: string; test: (v: string) => boolean }> = [
  { type: "first_name", test: (v) => FIRST_SET.has(upper(v)) },
  { type: "last_name", test: (v) => SURNAME_SET.has(upper(v)) },
  {
    type: "full_name",
    test: (v) => {
      const parts = v.trim().split(/\s+/);
      return parts.length >= 2 && parts.length <= 4 && FIRST_SET.has(upper(parts[0]!)) && SURNAME_SET.has(upper(parts.at(-1)!.replace(/,$/, "")));
    },
  },
  { type: "city", test: (v) => CITY_SET.has(upper(v)) },
];

const share = (values: readonly string[], test: (v: string) => boolean) => values.filter(test).length / values.length;
const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Column names that say what a column holds. A name alone decides nothing: it lowers the share of
 * values that must look the part to a half (names with initials, addresses with "&" still count).
 */
const BY_NAME: Array<{ type: string; name: RegExp }> = [
  { type: "first_name", name: /^(first|given|fore)_?name$|^f_?name$/ },
  { type: "last_name", name: /^(last|family|sur)_?name$|^surname$|^l_?name$/ },
  { type: "full_name", name: /^(full|person|customer|patient|contact|employee)_?name$/ },
  { type: "email", name: /e_?mail/ },
  { type: "phone", name: /phone|mobile|^tel/ },
  { type: "street_address", name: /^(street_?)?address(_?line_?1)?$|^street$/ },
  { type: "city", name: /^city$|_city$|^town$/ },
  { type: "county", name: /^county$|_county$/ },
  { type: "postal_code", name: /zip|postal|postcode/ },
];

/** Does a value look like the type (its first word for names with initials)? */
const looksLike = (type: string): ((v: string) => boolean) => {
  const byShape = BY_SHAPE.find((t) => t.type === type)?.test;
  if (byShape) return byShape;
  if (type === "first_name") return (v) => FIRST_SET.has(upper(v.trim().split(/\s+/)[0]!));
  if (type === "county") return (v) => /^[A-Za-z .'-]+$/.test(v);
  return BY_TABLE.find((t) => t.type === type)!.test;
};

/** The semantic type of a text column's values (its name helping), or null when none fits. */
export function detectTextType(values: readonly string[], column = ""): TextType | null {
  const look = [...new Set(values.filter((v) => v.trim() !== ""))].slice(0, LOOK_AT);
  if (look.length === 0) return null;
  const hinted = BY_NAME.find((t) => t.name.test(column));
  if (hinted) {
    const s = share(look, looksLike(hinted.type));
    if (s >= 0.5) return { spec: { type: hinted.type }, note: `named like ${hinted.type} and ${percent(s)} of the values look it` };
  }
  for (const { type, test } of BY_SHAPE) {
    const s = share(look, test);
    if (s >= 0.95) return { spec: { type }, note: `${percent(s)} of the values look like ${type} values` };
  }
  for (const { type, test } of BY_TABLE) {
    const s = share(look, test);
    if (s >= 0.8) return { spec: { type }, note: `${percent(s)} of the values are in the reference table for ${type}` };
  }
  return patternOf(look);
}

/** A text column that is none of the types above: free text, by how many words its values have. */
export function freeTextType(values: readonly string[]): TextType {
  return freeText([...new Set(values.filter((v) => v.trim() !== ""))].slice(0, LOOK_AT));
}

/**
 * A code with one shape (SKU-123-AB, A1234567): letters become [A-Z] or [a-z], digits \d, other
 * characters stay, runs are counted ({3}). Chosen when one shape covers 90% of the values and holds
 * no spaces; the pattern language is the recipe's safe subset.
 */
function patternOf(look: readonly string[]): TextType | null {
  const shapes = new Map<string, number>();
  for (const v of look) {
    if (/\s/.test(v) || v.length > 40) return null;
    const shape = shapeOf(v);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  let [best, count] = [...shapes].sort((a, b) => b[1] - a[1])[0]!;
  if (count / look.length < 0.9) {
    const merged = positionalShape(look);
    if (!merged) return null;
    [best, count] = [merged, look.length];
  }
  if (!/\\d|\[A-Z\]|\[a-z\]|\[0-9/.test(best)) return null;
  try {
    compilePattern(best);
  } catch {
    return null; // a repeat beyond the pattern language's bound: free text it is
  }
  return { spec: { type: "pattern", pattern: best }, note: `${percent(count / look.length)} of the values have this shape` };
}

const classOf = (ch: string) => (/\d/.test(ch) ? "\\d" : /[A-Z]/.test(ch) ? "[A-Z]" : /[a-z]/.test(ch) ? "[a-z]" : /[\\.+*?()[\]{}|^$/]/.test(ch) ? `\\${ch}` : ch);

function shapeOf(v: string): string {
  return runs([...v].map(classOf));
}

/**
 * Codes of one length whose positions mix classes (00M, JFK, 1G4): each position the union of the
 * classes seen there ([0-9A-Z]); null when lengths differ or a position mixes punctuation.
 */
function positionalShape(look: readonly string[]): string | null {
  const length = look[0]!.length;
  if (length === 0 || look.some((v) => v.length !== length)) return null;
  const classes: string[] = [];
  for (let i = 0; i < length; i++) {
    const seen = new Set(look.map((v) => classOf(v[i]!)));
    const letters = ["\\d", "[A-Z]", "[a-z]"].filter((c) => seen.has(c));
    if (letters.length !== seen.size) {
      if (seen.size !== 1) return null;
      classes.push([...seen][0]!);
      continue;
    }
    classes.push(letters.length === 1 ? letters[0]! : `[${letters.map((c) => ({ "\\d": "0-9", "[A-Z]": "A-Z", "[a-z]": "a-z" })[c]).join("")}]`);
  }
  return runs(classes);
}

function runs(classes: readonly string[]): string {
  let out = "";
  for (let i = 0; i < classes.length; ) {
    let j = i;
    while (j + 1 < classes.length && classes[j + 1] === classes[i]) j++;
    const run = j - i + 1;
    out += run > 1 ? `${classes[i]}{${run}}` : classes[i];
    i = j + 1;
  }
  return out;
}

/** Free text: a word, a sentence or a paragraph, by how many words the values have. */
function freeText(look: readonly string[]): TextType {
  const words = look.map((v) => v.trim().split(/\s+/).length).sort((a, b) => a - b);
  const median = words[Math.floor(words.length / 2)]!;
  const type = median <= 1 ? "word" : median <= 15 ? "sentence" : "paragraph";
  return { spec: { type }, note: `free text (a median of ${median} word${median === 1 ? "" : "s"}), synthesized as lorem ipsum` };
}
