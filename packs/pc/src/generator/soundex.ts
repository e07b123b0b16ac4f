// American Soundex (National Archives' rules): the surname's first letter and three digits. H and W
// do not separate letters of the same code; vowels do. Letters outside A-Z (accents are folded first,
// apostrophes, hyphens and spaces dropped) do not count.

const CODES: Record<string, string> = {
  B: "1", F: "1", P: "1", V: "1",
  C: "2", G: "2", J: "2", K: "2", Q: "2", S: "2", X: "2", Z: "2",
  D: "3", T: "3", L: "4", M: "5", N: "5", R: "6",
};

/** "Robert" → R163, "Tymczak" → T522, "Pfister" → P236, "O'Brien" → O165, "García" → G620. */
export function soundex(name: string): string {
  const letters = name.normalize("NFD").replace(/[^A-Za-z]/g, "").toUpperCase();
  if (!letters) throw new Error(`'${name}' has no letters to take a Soundex code from`);
  let code = letters[0]!;
  let last = CODES[letters[0]!] ?? "";
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const ch = letters[i]!;
    const digit = CODES[ch];
    if (digit) {
      if (digit !== last) code += digit;
      last = digit;
    } else if (ch !== "H" && ch !== "W") last = "";
  }
  return code.padEnd(4, "0");
}
