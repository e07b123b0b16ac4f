// What the server puts in a chart's `data-chart` attribute: the numbers and their meaning, not a
// Chart.js config. The browser script (charts.ts) decides how they are drawn; the figure's table
// below each chart carries the same numbers for screen readers and for readers without script.

export interface ChartSpec {
  /** Horizontal bars (one per label), for long lists of columns or checks. */
  horizontal: boolean;
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null> }>;
  /** How the values read: percentages 0–100, or counts. */
  unit: "percent" | "count";
  /**
   * Percentages on the whole 0–100 axis (null rates, uniqueness: where 100% is a meaning). Otherwise
   * the axis ends a little past the largest value, so a 4% top value is not a sliver.
   */
  fullScale?: boolean;
  /** Axis title of the values. */
  valueAxis: string;
}
