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
/** Whole numbers grouped from five digits (50,000), not four (model years read 2018, not 2,018). */
const decimal = (n: number) => (Number.isInteger(n) ? (Math.abs(n) >= 10_000 ? n.toLocaleString("en-US") : String(n)) : n.toFixed(2));

type Bin = { from: number; to: number; count: number };

/** "; deciles (10th to 90th percentile) 12 · 30 · …" for a column whose report has them (schema 0.8 on). */
const decilesText = (c: ColumnProfile) => (c.numeric?.deciles ? `; deciles (10th to 90th percentile) ${c.numeric.deciles.map(decimal).join(" · ")}` : "");

/**
 * An integer column's histogram as the integers each bin holds: `0`, `1`, `2–3`, `5,000–9,999`, not
 * `0.3–0.6`. The report's ten bins are equal-width from min to max (value v goes to bin
 * ⌊(v − min) / width⌋, the last one closed), so the integers of each bin follow from min, max and that
 * rule, applied here as the report applies it; a bin that holds no integer holds no record and is left out.
 */
export function integerBins(bins: readonly Bin[]): Array<Bin & { label: string; first: string; last: string }> {
  const min = bins[0]!.from;
  const max = bins.at(-1)!.to;
  const width = (max - min) / 10 || 1;
  const binOf = (k: number) => Math.max(0, Math.min(9, Math.floor((k - min) / width)));
  // The first integer of bin i: near min + i·width, checked with the report's own rule.
  const firstOf = (i: number) => {
    const near = Math.ceil(min + i * width);
    return [near - 1, near, near + 1].find((k) => k >= min && binOf(k) >= i) ?? near;
  };
  const out = [];
  for (let i = 0; i < bins.length; i++) {
    const first = firstOf(i);
    const last = i === bins.length - 1 ? Math.floor(max) : firstOf(i + 1) - 1;
    if (last < first) {
      if (bins[i]!.count === 0) continue;
      // Cannot happen with the report's rule; shown as it came rather than hidden.
      out.push({ ...bins[i]!, label: `${decimal(bins[i]!.from)}–${decimal(bins[i]!.to)}`, first: decimal(bins[i]!.from), last: decimal(bins[i]!.to) });
      continue;
    }
    const label = first === last ? decimal(first) : `${decimal(first)}–${decimal(last)}`;
    out.push({ ...bins[i]!, label, first: decimal(first), last: decimal(last) });
  }
  return out;
}

/** Null rate of every column of the entity. */
export function nullsChart(entity: string, columns: readonly ColumnProfile[]): ChartFigure {
  const worst = [...columns].sort((a, b) => b.nullRate - a.nullRate)[0];
  return {
    id: `${entity}-nulls`,
    title: `Nulls in ${entity}`,
    summary: `Null rate of ${columns.length} columns of ${entity}; highest ${worst ? `${worst.name} at ${pct(worst.nullRate)}%` : "none"}.`,
    spec: { horizontal: true, labels: columns.map((c) => c.name), datasets: [{ label: "Null rate", data: columns.map((c) => pct(c.nullRate)) }], unit: "percent", fullScale: true, valueAxis: "% of records null" },
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
    spec: { horizontal: true, labels: columns.map((c) => c.name), datasets: [{ label: "Distinct values per non-null record", data: columns.map((c) => pct(share(c))) }], unit: "percent", fullScale: true, valueAxis: "% distinct" },
    table: { headers: ["Column", "Distinct", "Exact", "Distinct per non-null record (%)"], rows: columns.map((c) => [c.name, c.distinct, c.distinctExact ? "yes" : "estimate", pct(share(c))]) },
  };
}

/** A column's distribution: its histogram when numeric, its most frequent values' shares otherwise. */
export function distributionCharts(entity: string, columns: readonly ColumnProfile[], records: number): ChartFigure[] {
  const figures: ChartFigure[] = [];
  for (const c of columns) {
    if (figures.length === MAX_DISTRIBUTIONS) break;
    if (c.numeric?.logHistogram?.length) {
      // Skewed money and counts: log-spaced bins, so the many small amounts and the few large ones both show.
      const bins = c.numeric.logHistogram.map((b) => ({ ...b, label: b.to === 0 ? "0" : `${decimal(b.from)}–${decimal(b.to)}` }));
      figures.push({
        id: `${entity}-${c.name}-histogram`,
        title: `${c.name}: histogram (log bins)`,
        summary: `Histogram of ${entity}.${c.name} in ${bins.length} log-spaced bins from ${decimal(c.numeric.logHistogram[0]!.from)} to ${decimal(c.numeric.logHistogram.at(-1)!.to)}, mean ${c.numeric.mean.toFixed(2)}${decilesText(c)}.`,
        spec: { horizontal: false, labels: bins.map((b) => b.label), datasets: [{ label: "Records", data: bins.map((b) => b.count) }], unit: "count", valueAxis: "records" },
        table: { headers: ["From", "To", "Records"], rows: bins.map((b) => [decimal(b.from), decimal(b.to), b.count]) },
      });
    } else if (c.numeric?.histogram.length) {
      const bins = c.type === "int" ? integerBins(c.numeric.histogram) : c.numeric.histogram.map((b) => ({ ...b, label: `${decimal(b.from)}–${decimal(b.to)}`, first: decimal(b.from), last: decimal(b.to) }));
      figures.push({
        id: `${entity}-${c.name}-histogram`,
        title: `${c.name}: histogram`,
        summary: `Histogram of ${entity}.${c.name}: ${bins.length} bins from ${bins[0]!.first} to ${bins.at(-1)!.last}, mean ${c.numeric.mean.toFixed(2)}${decilesText(c)}.`,
        spec: { horizontal: false, labels: bins.map((b) => b.label), datasets: [{ label: "Records", data: bins.map((b) => b.count) }], unit: "count", valueAxis: "records" },
        table: { headers: c.type === "int" ? ["Values", "Records"] : ["From", "To", "Records"], rows: bins.map((b) => (c.type === "int" ? [b.label, b.count] : [b.first, b.last, b.count])) },
      });
    } else if (c.type === "date" && c.dates?.histogram.length) {
      const { unit, histogram } = c.dates;
      figures.push({
        id: `${entity}-${c.name}-dates`,
        title: `${c.name}: records per ${unit}`,
        summary: `Records of ${entity}.${c.name} per ${unit}, ${histogram[0]!.period} to ${histogram.at(-1)!.period}.`,
        spec: { horizontal: false, labels: histogram.map((h) => h.period), datasets: [{ label: "Records", data: histogram.map((h) => h.count) }], unit: "count", valueAxis: "records" },
        table: { headers: [unit === "month" ? "Month" : "Year", "Records"], rows: histogram.map((h) => [h.period, h.count]) },
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
