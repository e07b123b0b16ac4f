/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import type { ChartFigure } from "./quality-charts.js";

/** A chart: the canvas the script draws on (named for assistive technology) and its numbers as a table. */
export function Chart({ figure }: { figure: ChartFigure }) {
  // Horizontal bar charts grow with their labels, so every label stays legible.
  const height = figure.spec.horizontal ? Math.max(8, figure.spec.labels.length * (figure.spec.datasets.length > 1 ? 1.6 : 1.1) + 3) : 16;
  return (
    <figure id={figure.id} aria-labelledby={`${figure.id}-title`}>
      <figcaption id={`${figure.id}-title`}>{figure.title}</figcaption>
      <div class="chart-box" data-height-rem={String(height)}>
        <canvas role="img" aria-label={figure.summary} data-chart={JSON.stringify(figure.spec)}>
          {figure.summary}
        </canvas>
      </div>
      <details>
        <summary>Numbers of this chart</summary>
        <Table caption={figure.title} headers={figure.table.headers} rows={figure.table.rows} />
      </details>
    </figure>
  );
}

/** A table with a caption and column headers; numbers right-aligned. */
export function Table({ caption, headers, rows }: { caption: string; headers: string[]; rows: Array<Array<Child>> }) {
  return (
    // A table wider than the page scrolls in its own region, which keyboard users must be able to reach.
    <div class="table-wrap" tabindex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {row.map((value) => (
                <td class={typeof value === "number" ? "num" : undefined}>{typeof value === "number" ? value.toLocaleString("en-US") : value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Passed or failed, in words and colour (the words carry the meaning; colour only repeats it). */
export function Verdict({ passed, yes = "passed", no = "failed" }: { passed: boolean | null | undefined; yes?: string; no?: string }) {
  if (passed === null || passed === undefined) return <span class="badge muted">no report</span>;
  return <span class={`badge ${passed ? "ok" : "bad"}`}>{passed ? yes : no}</span>;
}

/** A notice above the content: what the reader should know, e.g. why a form is disabled. */
export function Notice({ error, children }: { error?: boolean; children?: Child }) {
  return (
    <div class={error ? "notice error" : "notice"} role={error ? "alert" : undefined}>
      {children}
    </div>
  );
}
