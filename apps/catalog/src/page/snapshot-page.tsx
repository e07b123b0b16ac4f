/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { MANIFEST_FILE_NAME, type DatasetDescriptor, type Manifest, type QualityReport, type ValidationReport } from "@sdh/schemas";
import type { LearnedSummary } from "@sdh/recipes";
import type { RowsPage } from "../parquet-preview.js";
import { Chart, Notice, Table, Verdict } from "./components.js";
import { cell, count, size, when } from "./format.js";
import { fileHref, snapshotHref } from "./page-links.js";
import { checksChart, distributionCharts, nullsChart, uniquenessChart } from "./quality-charts.js";
import { ownValue } from "../own-value.js";

export interface SnapshotPageProps {
  target: string;
  manifest: Manifest;
  validation: ValidationReport | null;
  quality: QualityReport | null;
  dataset: DatasetDescriptor | null;
  /** What sdh learn measured, for a snapshot of a recipe it wrote. */
  learned: LearnedSummary | null;
  entity: string;
  /** The preview page, or why there is none (e.g. published without Parquet). */
  preview: RowsPage | { problem: string };
  filters: Array<[string, string]>;
}

/** A snapshot: what it is, its files with checksums, its validation and quality reports drawn, a row preview. */
export function SnapshotPage(props: SnapshotPageProps) {
  const { target, manifest: m, validation, quality, learned } = props;
  return (
    <>
      <dl class="facts">
        <dt>Target</dt>
        <dd>{target}</dd>
        <dt>As of</dt>
        <dd>{m.asOf}</dd>
        <dt>Seed</dt>
        <dd>{m.seed}</dd>
        <dt>Pack</dt>
        <dd>{m.pack ? `${m.pack.name} ${m.pack.version}` : "pc"}</dd>
        <dt>Generator</dt>
        <dd>
          {m.generator.name} {m.generator.version}, schema {m.schemaVersion}
        </dd>
        <dt>Built</dt>
        <dd>
          <time datetime={m.generatedAt}>{when(m.generatedAt)}</time>
        </dd>
        <dt>Validation</dt>
        <dd>
          <Verdict passed={m.validation.passed} /> {m.validation.errors} error rule(s), {m.validation.warnings} warning rule(s)
        </dd>
        <dt>Quality</dt>
        <dd>
          <Verdict passed={quality?.passed} yes="within tolerance" no="outside tolerance" />
        </dd>
      </dl>
      {props.dataset && <p>{props.dataset.description}</p>}

      <h2 id="files">Files</h2>
      <details>
        <summary>
          {m.files.length} files, {size(m.files.reduce((n, f) => n + f.bytes, 0))}: download links and sha256 checksums
        </summary>
        <Table
          caption="Each link downloads the published bytes; the manifest lists every file's sha256"
          headers={["File", "Entity", "Format", "Size", "sha256"]}
          rows={[
            ...m.files.map((f) => [<a href={fileHref(m.snapshotId, target, f.path)}>{f.path}</a>, f.entity, f.format, size(f.bytes), <code class="hash">{f.sha256}</code>]),
            [<a href={fileHref(m.snapshotId, target, MANIFEST_FILE_NAME)}>{MANIFEST_FILE_NAME}</a>, "manifest", "json", "", <span class="muted">lists the others' checksums</span>],
          ]}
        />
      </details>

      <h2 id="validation">Validation</h2>
      {validation ? <ValidationRules validation={validation} /> : <p>This snapshot has no validation report.</p>}

      <h2 id="quality">Quality</h2>
      {quality ? (
        <>
          <p>
            <Verdict passed={quality.passed} yes="every distribution check within tolerance" no="a distribution check is outside its tolerance" />
          </p>
          {quality.checks.length > 0 && <Chart figure={checksChart(quality.checks)} />}
        </>
      ) : (
        <p>This snapshot has no quality report.</p>
      )}

      {learned && <LearnedFidelity learned={learned} />}

      <h2 id="records">Records</h2>
      <EntityTabs {...props} />
    </>
  );
}

/** How alike and how private the recipe sdh learn wrote was, against its sample, as learn measured it. */
function LearnedFidelity({ learned }: { learned: LearnedSummary }) {
  const pct = (x: number | undefined) => (x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);
  const dist = (d: { p5: number; p50: number } | undefined) => (d ? `${d.p5} / ${d.p50}` : "—");
  return (
    <>
      <h2 id="fidelity">Fidelity to the sample</h2>
      <p>
        Learned by <code>sdh learn</code> from {learned.from.join(", ")} (categories carried only when {learned.k} or more rows hold them): mean fidelity {learned.score} (1 = alike). Measured
        when the recipe was written: {learned.method}.
      </p>
      <Table
        caption="Fidelity and closeness per entity, as sdh learn measured them"
        headers={["Entity", "Sample rows", "Fidelity", "Column shapes", "Column pair trends", "Identical to a training row (generated / held out)", "Closest-row distance p5 / p50 (generated)", "(held out)"]}
        rows={Object.entries(learned.entities).map(([entity, e]) => [entity, count(e.rows), e.score, e.shapes, e.trends, `${pct(e.identical)} / ${pct(e.holdoutIdentical)}`, dist(e.closest), dist(e.holdoutClosest)])}
      />
    </>
  );
}

/** The gate's rules: any that failed in the open, all of them behind a disclosure. */
function ValidationRules({ validation }: { validation: ValidationReport }) {
  const failed = validation.rules.filter((r) => r.failures > 0);
  const rows = (rules: ValidationReport["rules"]) => rules.map((r) => [<code>{r.code}</code>, r.severity, r.failures, r.message]);
  return (
    <>
      {failed.length > 0 ? (
        <Table caption={`${failed.length} rules with failures`} headers={["Rule", "Severity", "Failures", "What it checks"]} rows={rows(failed)} />
      ) : (
        <p>
          No rule failed: {validation.rules.length} rules checked {count(Object.values(validation.counts).reduce((a, b) => a + b, 0))} records.
        </p>
      )}
      <details>
        <summary>All {validation.rules.length} rules of the gate</summary>
        <Table caption="The validation gate's rules" headers={["Rule", "Severity", "Failures", "What it checks"]} rows={rows(validation.rules)} />
      </details>
    </>
  );
}

/** The entities as tabs (links), and the chosen one's quality charts and row preview. */
function EntityTabs({ target, manifest: m, quality, entity, preview, filters }: SnapshotPageProps) {
  const columns = ownValue(quality?.columns, entity) ?? [];
  const records = ownValue(m.counts, entity) ?? 0;
  return (
    <>
      <nav class="tabs" aria-label="Entities">
        <ul>
          {Object.entries(m.counts).map(([name, n]) => (
            <li>
              <a href={snapshotHref(m.snapshotId, target, { entity: name })} aria-current={name === entity ? "page" : undefined}>
                {name} <span class="muted">({count(n)})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section id="entity" aria-labelledby="entity-title">
        <h3 id="entity-title">
          {entity}: {count(records)} records
        </h3>
        {columns.length > 0 ? (
          <div class="charts">
            <Chart figure={nullsChart(entity, columns)} />
            <Chart figure={uniquenessChart(entity, columns, records)} />
            {distributionCharts(entity, columns, records).map((figure) => (
              <Chart figure={figure} />
            ))}
          </div>
        ) : (
          <p>No column profiles for {entity} in the quality report.</p>
        )}
        <Preview target={target} manifest={m} entity={entity} preview={preview} filters={filters} />
      </section>
    </>
  );
}

function Preview({ target, manifest: m, entity, preview, filters }: Pick<SnapshotPageProps, "target" | "manifest" | "entity" | "preview" | "filters">) {
  if ("problem" in preview) {
    return (
      <section id="preview" aria-labelledby="preview-title">
        <h3 id="preview-title">Preview</h3>
        <Notice>{preview.problem}</Notice>
      </section>
    );
  }
  const { columns, rows, total, limit, offset } = preview;
  const filter = filters.map(([k, v]) => `${k}=${v}`);
  const at = (o: number) => snapshotHref(m.snapshotId, target, { entity, offset: o, filter });
  return (
    <section id="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview of {entity}</h3>
      <form class="inline" method="get" action={`/ui/snapshots/${encodeURIComponent(m.snapshotId)}#preview`}>
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="entity" value={entity} />
        <label>
          <span>Column</span>
          <select name="column" id="filter-column">
            {columns.map((c) => (
              <option value={c.name} selected={filters[0]?.[0] === c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>equals</span>
          <input name="value" id="filter-value" value={filters[0]?.[1] ?? ""} maxlength={200} />
        </label>
        <button type="submit">Filter</button>
        {filters.length > 0 && <a href={snapshotHref(m.snapshotId, target, { entity })}>Clear filter</a>}
      </form>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="preview-title">
        <table id="preview-table">
          <caption>
            {total === 0 ? "No records match" : `Records ${count(offset + 1)}–${count(offset + rows.length)} of ${count(total)}`}
            {filters.length > 0 && ` where ${filter.join(" and ")}`}, read from the published Parquet
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col">
                  {c.name}
                  <span class="type">{c.type}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                {columns.map((c) => {
                  const value = cell(row[c.name]);
                  return <td class={typeof row[c.name] === "number" ? "num" : undefined}>{value === null ? <span class="muted">null</span> : value}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages of the preview">
        {offset > 0 && <a href={at(Math.max(0, offset - limit))}>Previous {limit}</a>}
        {offset + limit < total && <a href={at(offset + limit)}>Next {limit}</a>}
      </nav>
    </section>
  );
}
