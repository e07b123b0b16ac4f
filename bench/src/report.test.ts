import { describe, expect, it } from "vitest";
import type { RunOutput } from "./child.js";
import { renderMarkdown, type BenchResults, type MeasuredRow, type Row } from "./report.js";
import { spread } from "./stats.js";

/** A row measured by three runs of the given seconds, counts and peak RSS. */
function row(stage: string, group: Row["group"], persons: number, unit: Row["unit"], seconds: number[], count: number, rss: number[], bytes?: number): MeasuredRow {
  const runs: RunOutput[] = seconds.map((s, i) => ({ seconds: s, count, peakRssMb: rss[i]!, ...(bytes ? { bytes } : {}) }));
  return { stage, group, persons, unit, runs, seconds: spread(seconds), rate: spread(seconds.map((s) => count / s)), peakRssMb: spread(rss) };
}

function results(persons: number, rows: MeasuredRow[]): BenchResults {
  return { date: "2026-11-22", sha: "abc1234", mode: persons === 1_000_000 ? "full" : "quick", persons, machine: { cpu: "Test CPU", cores: 2, memoryGb: 24, node: "20.20.2" }, rows, serverPeakRssMb: { temporal: 180, s3: 40 } };
}

describe("the benchmark report", () => {
  const full = results(1_000_000, [
    row("generate household heads (one core)", "stage", 200_000, "persons", [1, 0.8, 1.25], 200_000, [270, 270, 270]),
    row("generate households + persons + vehicles + profiles (one core)", "generator", 200_000, "households", [4, 4, 4], 200_000, [280, 280, 280]),
    row("sdh generate, all formats", "end to end", 100_000, "records", [8, 8, 8], 388_000, [600, 610, 620]),
    row("sdh generate, all formats", "end to end", 1_000_000, "records", [40, 44, 50], 3_884_000, [700, 720, 1_100], 2_500_000_000),
    row("publish to the local S3 server", "stage", 1_000_000, "files", [20, 20, 20], 17, [400, 400, 400], 2_500_000_000),
    row("through Temporal, 1 worker", "end to end", 1_000_000, "records", [48, 50, 52], 3_884_000, [900, 900, 900]),
    row("baseline: plain faker Person + Vehicle, JSON lines", "baseline", 50_000, "persons", [5, 5, 5], 50_000, [130, 130, 130]),
  ]);

  it("shows medians with their spread, MiB/s, and ratios to the baseline for whole builds and the generator", () => {
    const text = renderMarkdown(full);
    expect(text).toContain("| generate household heads (one core) | 200,000 | 200,000 [160,000–250,000] persons |  | 1.0 [0.8–1.3] | 270 [270–270] |  |");
    // 1M households in a median 44 s = 22,727 households/s against the baseline's 10,000 persons/s.
    expect(text).toContain("| sdh generate, all formats | 1,000,000 | 88,273 [77,680–97,100] records | 54 | 44.0 [40.0–50.0] | 720 [700–1,100] | 2.3× |");
    expect(text).toContain("| generate households + persons + vehicles + profiles (one core) | 200,000 | 50,000 [50,000–50,000] households |  | 4.0 [4.0–4.0] | 280 [280–280] | 5.0× |");
    expect(text).toContain("| publish to the local S3 server | 1,000,000 | 17 files | 119 |");
  });

  it("judges each target on what it names, and says which are missed", () => {
    const text = renderMarkdown(full);
    expect(text).toContain("| generation ≥ 200k persons/s per core | 200,000 heads/s (heads alone); 50,000 households/s with everything they hold | yes |");
    // 50,000 households/s is 2.98× the time of a 0.2.0 person (149,000 persons/s): missed.
    expect(text).toContain("| CPU per household ≤ 2× a 0.2.0 person's (one core: ≥ 74.5k households/s) | 50,000 households/s: 2.98× a 0.2.0 person's time | **no** |");
    expect(text).toContain("| 1M-household bundle (3 formats) ≤ 45 s on 2 cores (set for 1M persons) | 44.0 s | yes |");
    expect(text).toContain("| ≥ 10× the baseline's end-to-end throughput | 2.3× (22,727 households vs 10,000 persons/s); the generator alone, one core: 5.0× | **no** |");
    expect(text).toContain("| Temporal overhead ≤ 15% (at 1,000,000 households) | 14% (50.0 s vs 44.0 s) | yes |");
    // The largest peak of any run counts, not the median.
    expect(text).toContain("| peak RSS ≤ 1 GiB per process | 1,100 MiB, the largest of every process above and the servers | **no** |");
    expect(text).toContain("| flat memory: RSS at 1,000,000 ≤ 1.5× at 100,000 | 1.18× (720 vs 610 MiB) | yes |");
  });

  it("shows whole builds' CPU a row where their runs report it, and no such table where none does", () => {
    expect(renderMarkdown(full)).not.toContain("CPU µs a row");
    const measured = row("sdh generate, all formats", "end to end", 1_000_000, "records", [40, 44, 50], 4_000_000, [700, 720, 800]);
    measured.runs.forEach((run, i) => (run.cpuSeconds = [64, 72, 60][i]));
    const text = renderMarkdown(results(1_000_000, [measured, row("through Temporal, 1 worker", "end to end", 1_000_000, "records", [48, 50, 52], 4_000_000, [900, 900, 900])]));
    // 64, 72 and 60 CPU-seconds over 4M rows: 16, 18 and 15 µs a row.
    const table = text.slice(text.indexOf("| build | households | CPU µs a row |")).split("\n\n")[0]!.split("\n");
    // The Temporal run reported no CPU: only the build that did has a line.
    expect(table.slice(2)).toEqual(["| sdh generate, all formats | 1,000,000 | 16.00 [15.00–18.00] | 64.0 [60.0–72.0] |"]);
  });

  it("does not judge the 1M targets on a quick run", () => {
    const quick = results(100_000, [
      row("sdh generate, all formats", "end to end", 10_000, "records", [1, 1, 1], 38_800, [270, 270, 270]),
      row("sdh generate, all formats", "end to end", 100_000, "records", [9, 9, 9], 388_000, [600, 600, 600]),
      row("through Temporal, 1 worker", "end to end", 100_000, "records", [12, 12, 12], 388_000, [800, 800, 800]),
    ]);
    const text = renderMarkdown(quick);
    expect(text).not.toContain("≤ 45 s");
    expect(text).toContain("| Temporal overhead ≤ 15% (at 100,000 households) | 33% (12.0 s vs 9.0 s) | – |");
    expect(text).toContain("| flat memory: RSS at 100,000 ≤ 1.5× at 10,000 | 2.22× (600 vs 270 MiB) | – |");
  });
});
