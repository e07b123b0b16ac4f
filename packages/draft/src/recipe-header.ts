/** What the header of a drafted recipe says: where it came from and every assumption made. */
export interface DraftedHeader {
  sessionId: string;
  provider: string;
  model: string;
  requirements: string;
  /** Questions the requirements left open, answered or assumed. */
  clarifications: ReadonlyArray<{ id: string; answer: string; assumed: boolean }>;
  /** What the model says it chose. */
  modelAssumptions: readonly string[];
  /** Fields that took a sample's learned settings. */
  merged: readonly string[];
  out: string;
  name: string;
  records: number | undefined;
  formats: string | undefined;
}

/** Text as comment lines, each after `prefix`. */
const comment = (text: string, prefix: string) =>
  text
    .split("\n")
    .map((line) => `# ${prefix}${line}`.trimEnd())
    .join("\n");

/** The recipe's text with its header: comments only, so the recipe reads the same without it. */
export function withHeader(recipeYaml: string, h: DraftedHeader): string {
  const assumed = h.clarifications.filter((c) => c.assumed);
  const answered = h.clarifications.filter((c) => !c.assumed);
  const lines = [
    `# Drafted by \`sdh draft\` (session ${h.sessionId}) with ${h.provider} ${h.model}. The model drafted it; sdh checked it`,
    "# with the recipe schema. Read it before you rely on it: every assumption is listed below.",
    "#",
    "# Requirements:",
    comment(h.requirements.trim().slice(0, 4000), "  "),
  ];
  if (answered.length) lines.push("#", "# Answers given:", ...answered.map((c) => comment(`${c.id}: ${c.answer}`, "  - ")));
  if (assumed.length || h.modelAssumptions.length) {
    lines.push("#", "# Assumptions (not stated in the requirements):");
    lines.push(...assumed.map((c) => comment(`${c.id}: ${c.answer} (sdh's default)`, "  - ")));
    lines.push(...h.modelAssumptions.map((a) => comment(a.replaceAll("\n", " "), "  - ")));
  }
  if (h.merged.length) lines.push("#", `# Learned from the sample on this machine (replacing the model's guesses): ${h.merged.join(", ")}`);
  lines.push("#", `# Next: sdh generate --recipe ${h.out}${h.records ? ` --records ${h.records}` : ""}${h.formats ? ` --formats ${h.formats}` : ""} --out ./out/${h.name}`, "");
  return `${lines.join("\n")}${recipeYaml}`;
}
