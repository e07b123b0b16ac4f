import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import type { ChartSpec } from "./chart-spec.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Blue and orange: told apart by readers with the common colour-vision deficiencies.
const COLOURS = ["#0b5cad", "#c05600"];

/** Draws every `canvas[data-chart]` of the page from its spec; the figure's table already states the numbers. */
export function drawCharts(root: ParentNode): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>("canvas[data-chart]")) {
    const box = canvas.parentElement;
    if (box?.dataset.heightRem) box.style.height = `${box.dataset.heightRem}rem`;
    const spec = JSON.parse(canvas.dataset.chart ?? "{}") as ChartSpec;
    const chart = new Chart(canvas, configOf(spec, canvas.clientWidth));
    canvas.dataset.drawn = String(chart.data.datasets.reduce((n, d) => n + d.data.length, 0));
  }
}

/**
 * A category label that fits beside a narrow chart: its tail kept (`…household.personal.0`), which is
 * where long check and column names differ; the tooltip and the figure's table keep the whole name.
 */
function fitted(label: string, width: number): string {
  const most = width < 480 ? 16 : width < 720 ? 28 : 60;
  return label.length > most ? `…${label.slice(-(most - 1))}` : label;
}

function configOf(spec: ChartSpec, width: number): ChartConfiguration<"bar"> {
  const largest = Math.max(0, ...spec.datasets.flatMap((d) => d.data.map((v) => v ?? 0)));
  // Percentages end at 100 when 100 means something, else at the next ten past the largest share.
  const percentMax = spec.fullScale ? 100 : Math.min(100, Math.max(10, Math.ceil((largest * 1.05) / 10) * 10));
  const valueAxis = { beginAtZero: true, title: { display: true, text: spec.valueAxis }, ...(spec.unit === "percent" ? { max: percentMax } : {}) };
  return {
    type: "bar",
    data: { labels: spec.labels, datasets: spec.datasets.map((d, i) => ({ label: d.label, data: d.data, backgroundColor: COLOURS[i % COLOURS.length] })) },
    options: {
      indexAxis: spec.horizontal ? "y" : "x",
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: spec.datasets.length > 1 }, tooltip: { callbacks: { title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? "", label: (item) => `${item.dataset.label ?? ""}: ${item.formattedValue}${spec.unit === "percent" ? "%" : ""}` } } },
      scales: spec.horizontal ? { x: valueAxis, y: { ticks: { autoSkip: false, callback: (_value, index) => fitted(spec.labels[index] ?? "", width) } } } : { y: valueAxis },
    },
  };
}
