// A pack's realism report (issue 35): figures a domain's QA lead would check, each with its public
// source, the band the pack accepts and the pack's value for each seed. The measures are the pack's;
// the table and its pass rule are shared, so every pack's report reads the same.

/** One measure of a generated book against a public figure (or a documented rule). */
export interface RealismMeasure {
  id: string;
  what: string;
  /** The public figure, as its source states it. */
  figure: string;
  source: string;
  /** The accepted band of the book's value (inclusive). */
  band: [number, number];
  value: number;
}

/** Whether a measure's value is inside its band. */
export const passes = (m: RealismMeasure) => m.value >= m.band[0] && m.value <= m.band[1];

/** The measures outside their band for any seed, in the first seed's order. */
export function failingMeasures(bySeed: ReadonlyArray<{ measures: readonly RealismMeasure[] }>): RealismMeasure[] {
  return bySeed[0]!.measures.filter((m) => bySeed.some((s) => !passes(s.measures.find((x) => x.id === m.id)!)));
}

/** The report's table (Markdown lines): one row per measure, each seed's value beside the band, ✗ outside it. */
export function realismTable(bySeed: ReadonlyArray<{ seed: number; measures: readonly RealismMeasure[] }>): string[] {
  return [
    `| measure | public figure | source | accepted | ${bySeed.map((s) => `seed ${s.seed}`).join(" | ")} |`,
    `| --- | --- | --- | --- | ${bySeed.map(() => "---").join(" | ")} |`,
    ...bySeed[0]!.measures.map((m) => {
      const cells = bySeed.map((s) => {
        const x = s.measures.find((y) => y.id === m.id)!;
        return `${x.value}${passes(x) ? "" : " ✗"}`;
      });
      const band = m.band[0] === m.band[1] ? String(m.band[0]) : `${m.band[0]}–${m.band[1]}`;
      return `| **${m.id}**: ${m.what} | ${m.figure} | ${m.source} | ${band} | ${cells.join(" | ")} |`;
    }),
    "",
    "✗: outside the accepted band.",
  ];
}
