import type { Random } from "@sdh/rules";

// Patterns a recipe may give for codes (`SKU-[A-Z]{3}-\d{4}`): a small subset of regular expressions,
// parsed here into a tree that generates values directly (no matching, so no backtracking at all) and
// that also becomes the anchored RegExp the gate checks values with. The subset keeps that RegExp
// harmless: literals, escapes \d \w and escaped punctuation, classes [A-Z0-9_] (ranges, no negation),
// groups of alternatives (a|b), and bounded quantifiers ? {n} {n,m} (at most 64); no * or +, no
// back-references or look-arounds, and no quantifier on a group that itself holds one (what makes
// catastrophic backtracking possible).

export const PATTERN_LIMITS = { length: 200, repeat: 64 } as const;

type Node = { kind: "chars"; chars: string } | { kind: "alt"; options: Item[][] };
type Item = { node: Node; min: number; max: number };

export class PatternError extends Error {
  override name = "PatternError";
}

const DIGITS = "0123456789";
const WORD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

/** A compiled pattern: `generate` makes a value, `regex` checks one. */
export interface SafePattern {
  generate(r: Random): string;
  regex: RegExp;
}

export function compilePattern(source: string): SafePattern {
  if (source.length > PATTERN_LIMITS.length) throw new PatternError(`a pattern is at most ${PATTERN_LIMITS.length} characters`);
  let at = 0;
  const fail = (what: string): never => {
    throw new PatternError(`${what} at character ${at + 1} of the pattern; allowed: literals, \\d \\w, [A-Z0-9] classes, (a|b) groups, and ? {n} {n,m} (n, m ≤ ${PATTERN_LIMITS.repeat})`);
  };

  function sequence(inGroup: boolean): Item[] {
    const items: Item[] = [];
    while (at < source.length) {
      const c = source[at]!;
      if (c === ")" || c === "|") {
        if (!inGroup) fail(`an unmatched '${c}'`);
        break;
      }
      const node = atom();
      const [min, max] = quantifier();
      if ((min !== 1 || max !== 1) && node.kind === "alt" && containsQuantifier(node)) fail("a quantifier on a group that holds one");
      items.push({ node, min, max });
    }
    return items;
  }

  function containsQuantifier(node: Node): boolean {
    return node.kind === "alt" && node.options.some((o) => o.some((i) => i.min !== 1 || i.max !== 1 || containsQuantifier(i.node)));
  }

  function atom(): Node {
    const c = source[at++]!;
    if (c === "(") {
      if (source[at] === "?") fail("a look-around or special group");
      const options: Item[][] = [sequence(true)];
      while (source[at] === "|") {
        at++;
        options.push(sequence(true));
      }
      if (source[at++] !== ")") fail("a group that is not closed");
      return { kind: "alt", options };
    }
    if (c === "[") return charClass();
    if (c === "\\") return escape();
    if ("*+".includes(c)) fail(`'${c}' (give a bound: {0,8} or {1,8})`);
    if ("{}?^$.".includes(c)) fail(`'${c}' where a character belongs (escape it as \\${c})`);
    return { kind: "chars", chars: c };
  }

  function escape(): Node {
    const c = source[at++];
    if (c === undefined) return fail("a pattern that ends in \\");
    if (c === "d") return { kind: "chars", chars: DIGITS };
    if (c === "w") return { kind: "chars", chars: WORD };
    if (/[\\.\-+*?()[\]{}|^$/ ]/.test(c)) return { kind: "chars", chars: c };
    return fail(`the escape \\${c}`);
  }

  function charClass(): Node {
    if (source[at] === "^") fail("a negated class");
    let chars = "";
    while (at < source.length && source[at] !== "]") {
      const c = source[at++]!;
      if (c === "\\") {
        const e = escape();
        chars += (e as { chars: string }).chars;
        continue;
      }
      if (source[at] === "-" && source[at + 1] !== undefined && source[at + 1] !== "]") {
        const to = source[at + 1]!;
        at += 2;
        if (to.charCodeAt(0) < c.charCodeAt(0) || to.charCodeAt(0) - c.charCodeAt(0) > 200) fail(`the range ${c}-${to}`);
        for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) chars += String.fromCharCode(k);
        continue;
      }
      chars += c;
    }
    if (source[at++] !== "]") fail("a class that is not closed");
    if (!chars) fail("an empty class");
    return { kind: "chars", chars: [...new Set(chars)].join("") };
  }

  function quantifier(): [number, number] {
    const c = source[at];
    if (c === "?") {
      at++;
      return [0, 1];
    }
    if (c === "*" || c === "+") fail(`'${c}' (give a bound: {0,8} or {1,8})`);
    if (c !== "{") return [1, 1];
    const m = /^\{(\d{1,2})(?:,(\d{1,2}))?\}/.exec(source.slice(at));
    if (!m) return fail("a quantifier that is not {n} or {n,m}");
    at += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : Number(m[2]);
    if (max < min || max > PATTERN_LIMITS.repeat) fail(`the quantifier ${m[0]}`);
    return [min, max];
  }

  const root = sequence(false);
  if (at < source.length) fail("an unexpected character");
  const items = root;

  const generateItems = (r: Random, list: Item[]): string => {
    let out = "";
    for (const { node, min, max } of list) {
      const n = min + Math.floor(r.next() * (max - min + 1));
      for (let k = 0; k < n; k++) {
        if (node.kind === "chars") out += node.chars[Math.floor(r.next() * node.chars.length)];
        else out += generateItems(r, node.options[Math.floor(r.next() * node.options.length)]!);
      }
    }
    return out;
  };
  // The checking RegExp, written from the tree (so it holds only what the parser accepted).
  const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, (ch) => `\\${ch}`);
  const regexOf = (list: Item[]): string =>
    list
      .map(({ node, min, max }) => {
        const body = node.kind === "chars" ? (node.chars.length === 1 ? node.chars.replace(/[\\^$.*+?()[\]{}|/]/g, (ch) => `\\${ch}`) : `[${escapeClass(node.chars)}]`) : `(?:${node.options.map((o) => regexOf(o)).join("|")})`;
        return min === 1 && max === 1 ? body : `${body}{${min},${max}}`;
      })
      .join("");
  return { generate: (r) => generateItems(r, items), regex: new RegExp(`^${regexOf(items)}$`, "u") };
}
