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

const compiled = new Map<string, readonly string[]>();

/** Spells value `n` (0 ≤ n < space) in the template, least significant position last. */
export function formatTemplate(template: string, n: number): string {
  // Each position's alphabet (a literal is a one-letter alphabet), looked up once per template.
  let positions = compiled.get(template);
  if (!positions) {
    positions = [...template].map((ch) => CLASSES[ch] ?? ch);
    compiled.set(template, positions);
  }
  let out = "";
  let rest = n;
  for (let i = positions.length - 1; i >= 0; i--) {
    const alphabet = positions[i]!;
    const size = alphabet.length;
    const digit = rest % size;
    out = alphabet[digit]! + out;
    rest = (rest - digit) / size;
  }
  return out;
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
