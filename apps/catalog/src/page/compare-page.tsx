/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { z } from "zod";
import type { SnapshotSummary } from "../api-schemas.js";
import type { Comparison } from "../compare-snapshots.js";
import { Chart, Table } from "./components.js";
import { count, percent } from "./format.js";
import { snapshotHref } from "./page-links.js";
import type { ChartFigure } from "./quality-charts.js";

export interface ComparePageProps {
  /** Snapshots to choose from (newest first). */
  choices: Array<z.infer<typeof SnapshotSummary>>;
  chosen: { a?: string | undefined; b?: string | undefined; target?: string | undefined; otherTarget?: string | undefined };
  comparison: Comparison | null;
}

/** |d| at or above which a mean shift is called small (0.2) or medium (0.5), after Cohen. */
const shift = (d: number | null) => (d === null ? "" : Math.abs(d) >= 0.5 ? "medium shift" : Math.abs(d) >= 0.2 ? "small shift" : "");

/** Top-value shares this far apart (total variation distance) count as moved. */
const TOP_MOVED = 0.1;

/** Per column: null rates, distinct values, means, the mean shift in pooled standard deviations, the top-value distance. */
function ColumnTable({ caption, columns }: { caption: string; columns: Comparison["columns"] }) {
  return (
    <Table
      caption={`${caption}. d is the shift of the mean in pooled standard deviations (|d| ≥ 0.2 small, ≥ 0.5 medium); top-value distance runs from 0 (same shares) to 1 (disjoint)`}
      headers={["Entity", "Column", "Type", "Null rate a → b", "Distinct a → b", "Mean a → b", "d", "Top-value distance"]}
      rows={columns.map((x) => [
        x.entity,
        x.column,
        x.type,
        `${percent(x.nullRate.a)} → ${percent(x.nullRate.b)}`,
        `${count(x.distinct.a)} → ${count(x.distinct.b)}`,
        x.mean.a === null ? "—" : `${x.mean.a} → ${x.mean.b}`,
        x.standardizedMeanDifference === null ? "—" : <span class={shift(x.standardizedMeanDifference) ? "warn" : undefined}>{`${x.standardizedMeanDifference} ${shift(x.standardizedMeanDifference)}`.trim()}</span>,
        x.topShareDistance === null ? "—" : String(x.topShareDistance),
      ])}
    />
  );
}

/** Two snapshots side by side: records per entity, columns whose distributions moved, the checks. */
export function ComparePage({ choices, chosen, comparison }: ComparePageProps) {
  const option = (s: z.infer<typeof SnapshotSummary>, selected: string | undefined, selectedTarget: string | undefined) => (
    <option value={`${s.target}/${s.snapshotId}`} selected={s.snapshotId === selected && (selectedTarget === undefined || selectedTarget === s.target)}>
      {s.snapshotId} ({s.target}, as of {s.asOf}, seed {s.seed})
    </option>
  );
  return (
    <>
      <form class="inline" method="get" action="/ui/compare">
        <label>
          From (a)
          <select name="from" required>
            {choices.map((s) => option(s, chosen.a, chosen.target))}
          </select>
        </label>
        <label>
          To (b)
          <select name="to" required>
            {choices.map((s) => option(s, chosen.b, chosen.otherTarget ?? chosen.target))}
          </select>
        </label>
        <button type="submit">Compare</button>
      </form>
      {choices.length < 2 && <p>Comparing needs two committed snapshots; the served targets hold {choices.length}.</p>}
      {comparison && <ComparisonView comparison={comparison} />}
    </>
  );
}

function ComparisonView({ comparison: c }: { comparison: Comparison }) {
  const moved = [...c.columns].sort((x, y) => Math.abs(y.standardizedMeanDifference ?? 0) - Math.abs(x.standardizedMeanDifference ?? 0) || (y.topShareDistance ?? 0) - (x.topShareDistance ?? 0));
  const notable = moved.filter((x) => Math.abs(x.standardizedMeanDifference ?? 0) >= 0.2 || (x.topShareDistance ?? 0) >= TOP_MOVED);
  const countsChart: ChartFigure = {
    id: "compare-counts",
    title: "Records per entity",
    summary: `Records per entity in ${c.a.snapshotId} and ${c.b.snapshotId}.`,
    spec: { horizontal: true, labels: c.counts.map((x) => x.entity), datasets: [{ label: `a: ${c.a.snapshotId}`, data: c.counts.map((x) => x.a) }, { label: `b: ${c.b.snapshotId}`, data: c.counts.map((x) => x.b) }], unit: "count", valueAxis: "records" },
    table: { headers: ["Entity", "a", "b"], rows: c.counts.map((x) => [x.entity, x.a ?? "—", x.b ?? "—"]) },
  };
  return (
    <>
      <Table
        caption="The two snapshots"
        headers={["", "Snapshot", "Target", "As of", "Seed", "Generator", "Pack"]}
        rows={(["a", "b"] as const).map((k) => [k, <a href={snapshotHref(c[k].snapshotId, c[k].target)}>{c[k].snapshotId}</a>, c[k].target, c[k].asOf, String(c[k].seed), c[k].generator, c[k].pack])}
      />
      <h2>Records</h2>
      <div class="charts">
        <Chart figure={countsChart} />
      </div>
      <Table caption="Records per entity; change is (b − a) / a" headers={["Entity", "a", "b", "Change"]} rows={c.counts.map((x) => [x.entity, count(x.a), count(x.b), percent(x.change)])} />
      <h2>Columns</h2>
      {notable.length > 0 ? (
        <ColumnTable caption={`${notable.length} of ${c.columns.length} columns moved: a mean shift of |d| ≥ 0.2 or top values' shares ${percent(TOP_MOVED, 0)} or more apart`} columns={notable} />
      ) : (
        <p>No column moved: every mean shift is below |d| = 0.2 and every top-value distance below {percent(TOP_MOVED, 0)}.</p>
      )}
      <details>
        <summary>All {c.columns.length} columns</summary>
        <ColumnTable caption="Every column both snapshots profile, largest mean shift first" columns={moved} />
      </details>
      <h2>Distribution checks</h2>
      <Table caption="Observed share on each side beside the expected share" headers={["Check", "Expected", "a", "b"]} rows={c.checks.map((x) => [x.name, percent(x.expected), percent(x.a), percent(x.b)])} />
    </>
  );
}
