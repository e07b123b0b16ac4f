import type { ColumnProfile, QualityReport } from "@sdh/schemas";
import type { ChartSpec } from "./client/chart-spec.js";

/** A chart of the snapshot page, with the table that states its numbers in text. */
export interface ChartFigure {
  id: string;
  title: string;
  /** One sentence for the canvas's accessible name. */
  summary: string;
  spec: ChartSpec;
  table: { headers: string[]; rows: Array<Array<string | number>> };
}

/** Distributions drawn per entity: beyond a dozen a page stops being readable. */
export const MAX_DISTRIBUTIONS = 12;

/** Columns with more distinct values than this share of their records (ids, names, streets) have no telling top values. */
const IDENTIFIER_LIKE = 0.5;

const pct = (share: number) => Math.round(share * 10_000) / 100;

/** Null rate of every column of the entity. */
export function nullsChart(entity: string, columns: readonly ColumnProfile[]): ChartFigure {
  const worst = [...columns].sort((a, b) => b.nullRate - a.nullRate)[0];
  return {
    id: `${entity}-nulls`,
    title: `Nulls in ${entity}`,
    summary: `Null rate of ${columns.length} columns of ${entity}; highest ${worst ? `${worst.name} at ${pct(worst.nullRate)}%` : "none"}.`,
    spec: { horizontal: true, labels: columns.map((c) => c.name), datasets: [{ label: "Null rate", data: columns.map((c) => pct(c.nullRate)) }], unit: "percent", valueAxis: "% of records null" },
    table: { headers: ["Column", "Nulls", "Null rate (%)"], rows: columns.map((c) => [c.name, c.nulls, pct(c.nullRate)]) },
  };
}

/** Distinct values per record of every column: 100% is a key, near 0 a code list. */
export function uniquenessChart(entity: string, columns: readonly ColumnProfile[], records: number): ChartFigure {
  const share = (c: ColumnProfile) => (records ? Math.min(1, c.distinct / Math.max(1, records - c.nulls)) : 0);
  const unique = columns.filter((c) => share(c) === 1).map((c) => c.name);
  return {
    id: `${entity}-uniqueness`,
    title: `Uniqueness in ${entity}`,
    summary: `Distinct values per non-null record of ${columns.length} columns of ${entity}; unique in every record: ${unique.join(", ") || "none"}.`,
    spec: { horizontal: true, labels: columns.map((c) => c.name), datasets: [{ label: "Distinct values per non-null record", data: columns.map((c) => pct(share(c))) }], unit: "percent", valueAxis: "% distinct" },
    table: { headers: ["Column", "Distinct", "Exact", "Distinct per non-null record (%)"], rows: columns.map((c) => [c.name, c.distinct, c.distinctExact ? "yes" : "estimate", pct(share(c))]) },
  };
}

/** A column's distribution: its histogram when numeric, its most frequent values' shares otherwise. */
export function distributionCharts(entity: string, columns: readonly ColumnProfile[], records: number): ChartFigure[] {
  const figures: ChartFigure[] = [];
  for (const c of columns) {
    if (figures.length === MAX_DISTRIBUTIONS) break;
    if (c.numeric?.histogram.length) {
      const bins = c.numeric.histogram;
      const label = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
      figures.push({
        id: `${entity}-${c.name}-histogram`,
        title: `${c.name}: histogram`,
        summary: `Histogram of ${entity}.${c.name}: ${bins.length} bins from ${label(bins[0]!.from)} to ${label(bins.at(-1)!.to)}, mean ${c.numeric.mean.toFixed(2)}.`,
        spec: { horizontal: false, labels: bins.map((b) => `${label(b.from)}–${label(b.to)}`), datasets: [{ label: "Records", data: bins.map((b) => b.count) }], unit: "count", valueAxis: "records" },
        table: { headers: ["From", "To", "Records"], rows: bins.map((b) => [label(b.from), label(b.to), b.count]) },
      });
    } else if (c.top.length && c.type !== "date" && records > 0 && c.distinct <= IDENTIFIER_LIKE * Math.max(1, records - c.nulls)) {
      const nonNull = Math.max(1, records - c.nulls);
      const shares = c.top.map((t) => pct(t.count / nonNull));
      figures.push({
        id: `${entity}-${c.name}-top`,
        title: `${c.name}: most frequent values`,
        summary: `Most frequent values of ${entity}.${c.name}: ${c.top.map((t, i) => `${String(t.value)} ${shares[i]}%`).join(", ")}.`,
        spec: { horizontal: true, labels: c.top.map((t) => String(t.value)), datasets: [{ label: "Share of non-null records", data: shares }], unit: "percent", valueAxis: "% of non-null records" },
        table: { headers: ["Value", "Records", "Share (%)"], rows: c.top.map((t, i) => [String(t.value), t.count, shares[i]!]) },
      });
    }
  }
  return figures;
}

/** The distribution checks: the share the config asks for beside the share observed. */
export function checksChart(checks: QualityReport["checks"]): ChartFigure {
  return {
    id: "distribution-checks",
    title: "Distribution checks",
    summary: `${checks.length} distribution checks, ${checks.filter((c) => !c.passed).length} outside tolerance: expected and observed shares.`,
    spec: { horizontal: true, labels: checks.map((c) => c.name), datasets: [{ label: "Expected", data: checks.map((c) => pct(c.expected)) }, { label: "Observed", data: checks.map((c) => pct(c.observed)) }], unit: "percent", valueAxis: "% share" },
    table: { headers: ["Check", "Expected (%)", "Observed (%)", "Tolerance (pp)", "Sample", "Passed"], rows: checks.map((c) => [c.name, pct(c.expected), pct(c.observed), pct(c.tolerance), c.sample, c.passed ? "yes" : "no"]) },
  };
}
