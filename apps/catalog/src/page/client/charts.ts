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
    const chart = new Chart(canvas, configOf(spec));
    canvas.dataset.drawn = String(chart.data.datasets.reduce((n, d) => n + d.data.length, 0));
  }
}

function configOf(spec: ChartSpec): ChartConfiguration<"bar"> {
  const valueAxis = { beginAtZero: true, title: { display: true, text: spec.valueAxis }, ...(spec.unit === "percent" ? { max: 100 } : {}) };
  return {
    type: "bar",
    data: { labels: spec.labels, datasets: spec.datasets.map((d, i) => ({ label: d.label, data: d.data, backgroundColor: COLOURS[i % COLOURS.length] })) },
    options: {
      indexAxis: spec.horizontal ? "y" : "x",
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: spec.datasets.length > 1 }, tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${item.formattedValue}${spec.unit === "percent" ? "%" : ""}` } } },
      scales: spec.horizontal ? { x: valueAxis, y: { ticks: { autoSkip: false } } } : { y: valueAxis },
    },
  };
}
