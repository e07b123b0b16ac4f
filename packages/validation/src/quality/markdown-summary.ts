import type { QualityReport, ValidationReport } from "@sdh/schemas";

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The short human summary that goes into each snapshot next to the JSON reports. Its first line counts
 * the entities the pack names for it (`summaryEntities`), else all of them: the engine names none.
 */
export function qualitySummaryMarkdown(title: string, validation: ValidationReport, quality: QualityReport, entities: readonly string[], sections: readonly string[] = []): string {
  const lines = [`# ${title}`, "", `Records: ${entities.map((e) => `${validation.counts[e] ?? 0} ${e}`).join(", ")}.`, ""];

  const failing = validation.rules.filter((r) => r.failures > 0);
  lines.push(
    `## Validation: ${validation.passed ? "passed" : "FAILED"}`,
    "",
    `${validation.rules.length} rules; ${validation.errors} error rule(s) and ${validation.warnings} warning rule(s) failed.`,
    "",
  );
  if (failing.length > 0) {
    lines.push("| rule | severity | failures | what it demands |", "| --- | --- | ---: | --- |");
    for (const r of failing) lines.push(`| ${r.code} | ${r.severity} | ${r.failures} | ${r.message} |`);
    lines.push("");
  }

  const misses = quality.checks.filter((c) => !c.passed);
  lines.push(
    `## Distributions: ${quality.passed ? "within tolerance" : `${misses.length} outside tolerance`}`,
    "",
    "| check | expected | observed | tolerance | sample | |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
  );
  for (const c of quality.checks) {
    lines.push(`| ${c.name} | ${percent(c.expected)} | ${percent(c.observed)} | ±${percent(c.tolerance)} | ${c.sample} | ${c.passed ? "ok" : "**outside**"} |`);
  }
  lines.push("");

  const withNulls = Object.entries(quality.columns).flatMap(([entity, columns]) =>
    columns.filter((c) => c.nulls > 0).map((c) => `| ${entity}.${c.name} | ${percent(c.nullRate)} | ${c.distinctExact ? "" : "≈"}${c.distinct} |`),
  );
  if (withNulls.length > 0) lines.push("## Columns with nulls", "", "| column | null rate | distinct |", "| --- | ---: | ---: |", ...withNulls, "");
  if (sections.length > 0) lines.push(...sections, "");
  return `${lines.join("\n")}`;
}
