import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { parseSnapshotConfig, type QualityReport } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { distributionCharts, integerBins } from "../src/page/quality-charts.js";

// Histograms a QA engineer can read (issue 33.16): an integer column's bins are the integers they
// hold (`0`, `1`, `2–3`), not `0.3–0.6`. Checked against a real quality report and the records it
// describes: every bin's count is the number of records whose value lies between its labels.
describe("integer histograms on the snapshot page", () => {
  it("label each bin by the integers it holds, leave out bins that hold none, and count every record once", async () => {
    const config = parseSnapshotConfig({ records: 300, seed: 11, formats: ["json"] });
    const out = join(mkdtempSync(join(tmpdir(), "sdh-charts-")), "bundle");
    await writeBundle({ config, snapshotId: defaultSnapshotId(config), out });
    const report = JSON.parse(readFileSync(join(out, "quality_report_v0_9.json"), "utf8")) as QualityReport;
    const households = JSON.parse(readFileSync(join(out, "households_v0_9.json"), "utf8")) as Array<Record<string, number>>;
    const persons = JSON.parse(readFileSync(join(out, "persons_v0_9.json"), "utf8")) as Array<Record<string, unknown>>;
    const columns = [...report.columns.households!.map((c) => ["households", c] as const), ...report.columns.persons!.map((c) => ["persons", c] as const)];
    const ints = columns.filter(([, c]) => c.type === "int" && c.numeric?.histogram.length);
    expect(ints.map(([e, c]) => `${e}.${c.name}`)).toEqual(expect.arrayContaining(["households.member_count", "households.vehicle_count"]));
    for (const [entity, column] of ints) {
      const values = (entity === "households" ? households : persons).map((r) => r[column.name]).filter((v): v is number => typeof v === "number");
      const bins = integerBins(column.numeric!.histogram);
      expect(bins.reduce((n, b) => n + b.count, 0), column.name).toBe(values.length);
      for (const b of bins) {
        expect(b.label, column.name).toMatch(/^-?[\d,]+(–-?[\d,]+)?$/);
        const [first, last] = [Number(b.first.replaceAll(",", "")), Number(b.last.replaceAll(",", ""))];
        expect(values.filter((v) => v >= first && v <= last).length, `${column.name} ${b.label}`).toBe(b.count);
      }
    }
    // A column spanning at most ten integers: one bin per value, from min to max.
    const narrow = ints.filter(([, c]) => Number(c.max) - Number(c.min) <= 9);
    expect(narrow.length).toBeGreaterThan(0);
    for (const [, c] of narrow) {
      const labels = integerBins(c.numeric!.histogram).map((b) => b.label);
      expect(labels.every((l) => /^-?\d+$/.test(l)), `${c.name}: ${labels.join(" ")}`).toBe(true);
      expect([labels[0], labels.at(-1)]).toEqual([String(c.min), String(c.max)]);
    }
  });

  it("labels wide integer ranges by first and last value (grouped from five digits, so years read 2018), doubles with decimals", () => {
    const years = Array.from({ length: 10 }, (_, i) => ({ from: 1986 + i * 4, to: 1986 + (i + 1) * 4, count: 1 }));
    expect(integerBins(years)[0]!.label).toBe("1986–1989");
    // What the report holds for values 0..50,000: ten bins 5,000 wide.
    const wide = Array.from({ length: 10 }, (_, i) => ({ from: i * 5_000, to: (i + 1) * 5_000, count: 1 }));
    expect(integerBins(wide).map((b) => b.label)).toEqual(["0–4999", "5000–9999", "10,000–14,999", "15,000–19,999", "20,000–24,999", "25,000–29,999", "30,000–34,999", "35,000–39,999", "40,000–44,999", "45,000–50,000"]);
    const base = { nulls: 0, nullRate: 0, distinct: 3, distinctExact: true, top: [] };
    const [double] = distributionCharts("policies", [{ ...base, name: "premium", type: "double", min: 10.5, max: 450, numeric: { mean: 100, stddev: 10, histogram: [{ from: 10.5, to: 54.45, count: 2 }, { from: 54.45, to: 450, count: 1 }] } }], 3);
    expect(double!.spec.labels).toEqual(["10.50–54.45", "54.45–450"]);
  });

  it("draws skewed money in its log bins (zeros first) with its deciles, and dates per period (schema 0.8 reports)", () => {
    const base = { nulls: 0, nullRate: 0, distinct: 900, distinctExact: true, top: [] };
    const logHistogram = [{ from: 0, to: 0, count: 40 }, { from: 10, to: 100, count: 500 }, { from: 100, to: 1000, count: 300 }, { from: 1000, to: 25000, count: 60 }];
    const [money] = distributionCharts("claims", [{ ...base, name: "paid_amount", type: "decimal", min: 0, max: 25_000, numeric: { mean: 900, stddev: 2000, histogram: [{ from: 0, to: 2500, count: 890 }], deciles: [0, 15, 30, 60, 95, 150, 300, 700, 2100], logHistogram } }], 900);
    expect(money!.title).toBe("paid_amount: histogram (log bins)");
    expect(money!.spec.labels).toEqual(["0", "10–100", "100–1000", "1000–25,000"]);
    expect(money!.summary).toContain("deciles (10th to 90th percentile) 0 · 15 · 30");
    const [dates] = distributionCharts("claims", [{ ...base, name: "loss_date", type: "date", min: "2025-01-03", max: "2025-03-09", numeric: null, dates: { unit: "month", histogram: [{ period: "2025-01", count: 2 }, { period: "2025-03", count: 1 }] } }], 3);
    expect([dates!.title, dates!.spec.labels, dates!.table.rows]).toEqual(["loss_date: records per month", ["2025-01", "2025-03"], [["2025-01", 2], ["2025-03", 1]]]);
  });
});
