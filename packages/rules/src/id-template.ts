// Identifier formats as templates: '#' a digit, '@' a letter, '^' a letter other than I, O or Q
// (plates avoid them), '*' a digit or letter; anything else stands for itself.

const CLASSES: Record<string, string> = {
  "#": "0123456789",
  "@": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "^": "ABCDEFGHJKLMNPRSTUVWXYZ",
  "*": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
};

/** How many distinct values a template can spell. */
export function templateSpace(template: string): number {
  let space = 1;
  for (const ch of template) space *= CLASSES[ch]?.length ?? 1;
  return space;
}

/**
 * A template compiled once into a function that spells values: each position's alphabet as character
 * codes, written into one reused buffer and turned into a flat string in one call (building it a
 * character at a time made a chain of small strings per identifier, and identifiers are made per record).
 */
export function compileTemplate(template: string): (n: number) => string {
  const alphabets = [...template].map((ch) => [...(CLASSES[ch] ?? ch)].map((c) => c.charCodeAt(0)));
  const codes = new Array<number>(alphabets.length).fill(0);
  return (n) => {
    let rest = n;
    for (let i = alphabets.length - 1; i >= 0; i--) {
      const alphabet = alphabets[i]!;
      const size = alphabet.length;
      const digit = rest % size;
      codes[i] = alphabet[digit]!;
      rest = (rest - digit) / size;
    }
    return String.fromCharCode.apply(null, codes);
  };
}

const compiled = new Map<string, (n: number) => string>();

/** Spells value `n` (0 ≤ n < space) in the template, least significant position last. */
export function formatTemplate(template: string, n: number): string {
  let format = compiled.get(template);
  if (!format) {
    format = compileTemplate(template);
    compiled.set(template, format);
  }
  return format(n);
}

/** A regular expression that accepts exactly what the template can spell. */
export function templateRegex(template: string): RegExp {
  const parts = [...template].map((ch) => {
    const alphabet = CLASSES[ch];
    if (alphabet === CLASSES["^"]) return "[A-HJ-NPR-Z]";
    if (alphabet) return ch === "#" ? "\\d" : ch === "@" ? "[A-Z]" : "[0-9A-Z]";
    return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("")}$`);
}
