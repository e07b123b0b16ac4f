import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { columnsOf } from "@sdh/schemas";
import { afterEach, describe, expect, it } from "vitest";
import { csvHeader } from "../src/records/record-formats.js";
import { PartedFileAssembler } from "../src/shards/parted-file-assembler.js";
import { SegmentWriter } from "../src/shards/segment-writer.js";
import { pc } from "./pc-entities.js";

// Segments of several megabytes: the assembler reads a segment into two 1 MB buffers taking turns and
// the segment writer flushes two 1 MB chunks taking turns, so these pass through both buffers several
// times, with records and part boundaries straddling the chunks. (The bundle tests' segments fit in one.)
const persons = pc("persons");
const dirs: string[] = [];
afterEach(() => {
  // No retries: a sink or assembler that gave up has closed its file by the time `destroy`/`abort` resolve.
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Records of varied length (40-3,000 bytes, some multi-byte UTF-8), JSON-encoded as the shards write them. */
function records(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, k) => JSON.stringify({ n: seed * 1_000_000 + k, text: `${"é".repeat(k % 7)}${"x".repeat((k * 7919) % 3_000)}` }));
}

async function segmentOf(dir: string, name: string, format: "csv" | "json", encoded: readonly string[]) {
  const path = join(dir, name);
  const writer = new SegmentWriter(path, format);
  for (const text of encoded) await writer.write(text);
  return { segment: await writer.close(), path };
}

/** The assembled parts' contents, in part order. */
function partsIn(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(`.${ext}`))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

describe("PartedFileAssembler over multi-megabyte segments", () => {
  const first = records(2_500, 1);
  const second = records(1_700, 2);

  it("writes every record once, in order, into parts that roll inside chunks (JSON, JSON Lines, CSV)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sdh-assembler-"));
    dirs.push(dir);
    const segments = join(dir, "segments");
    mkdirSync(segments);
    const json = [await segmentOf(segments, "a.json", "json", first), await segmentOf(segments, "b.json", "json", second)];
    const csvLines = [...first, ...second].map((r) => `${r.replaceAll(",", ";")}\n`);
    const csv = [await segmentOf(segments, "a.csv", "csv", csvLines.slice(0, first.length)), await segmentOf(segments, "b.csv", "csv", csvLines.slice(first.length))];
    expect(json[0]!.segment.bytes).toBeGreaterThan(3 * 2 ** 20);
    const all = [...first, ...second];

    for (const format of ["json", "jsonl", "csv"] as const) {
      const out = join(dir, format);
      mkdirSync(out);
      const assembler = new PartedFileAssembler(out, persons, format, 1_500_000);
      for (const { segment, path } of format === "csv" ? csv : json) await assembler.append(segment, path);
      const written = await assembler.close();
      expect(written.length).toBeGreaterThan(3);
      expect(written.reduce((n, f) => n + f.records, 0)).toBe(all.length);
      const parts = partsIn(out, format);
      if (format === "json") expect(parts.flatMap((p) => (JSON.parse(p) as unknown[]).map((r) => JSON.stringify(r)))).toEqual(all);
      if (format === "jsonl") expect(parts.flatMap((p) => p.split("\n").filter((l) => l !== ""))).toEqual(all);
      if (format === "csv") {
        const header = csvHeader(columnsOf(persons));
        for (const part of parts) expect(part.startsWith(header)).toBe(true);
        expect(parts.map((p) => p.slice(header.length)).join("")).toBe(csvLines.join(""));
      }
      // Each part's recorded size and digest are those of the file on disk.
      for (const file of written) {
        const bytes = readFileSync(join(out, file.path));
        expect([bytes.length, createHash("sha256").update(bytes).digest("hex")]).toEqual([file.bytes, file.sha256]);
      }
    }
  });
});

describe("HashingFileSink.flushed", () => {
  it("resolves once the file has every byte given, and rejects, now and later, once a write has failed", async () => {
    const { HashingFileSink } = await import("../src/sink/hashing-file-sink.js");
    const dir = mkdtempSync(join(tmpdir(), "sdh-sink-"));
    dirs.push(dir);
    const sink = new HashingFileSink(join(dir, "ok.bin"));
    const bytes = Buffer.alloc(3 * 2 ** 20, 7);
    await sink.writeBytes(bytes);
    await sink.flushed();
    expect(readFileSync(join(dir, "ok.bin")).length).toBe(bytes.length);
    await sink.close();

    const broken = new HashingFileSink(join(dir, "broken.bin"));
    void broken.writeBytes(Buffer.alloc(2 ** 20, 1))?.catch(() => undefined);
    const waiting = broken.flushed();
    const destroyed = broken.destroy();
    await expect(waiting).rejects.toThrow();
    await expect(broken.flushed()).rejects.toThrow();
    // Destroyed while its file was still being opened: once `destroy` resolves the file exists and
    // is closed, so nothing appears in the folder while the caller removes it (ENOTEMPTY on CI).
    await destroyed;
    expect(readdirSync(dir).sort()).toEqual(["broken.bin", "ok.bin"]);
    rmSync(dir, { recursive: true });
  });
});
