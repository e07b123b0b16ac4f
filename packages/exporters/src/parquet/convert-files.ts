import { stat } from "node:fs/promises";
import type { EntitySpec } from "@sdh/schemas";
import { createParquetConverter } from "./duckdb-parquet.js";
import type { ParquetSlots } from "./parquet-slots.js";

export interface ParquetJob {
  entity: EntitySpec;
  csvPath: string;
  parquetPath: string;
  /** The file's key-value metadata. */
  metadata?: Readonly<Record<string, string>>;
}

/**
 * Files converted at once, each by its own single-thread DuckDB instance. Not part of the bytes
 * (every file is converted whole by one thread), so it could follow the machine. One, since schema
 * 0.4 (ADR 0012, "Revisited"): each conversion holds ~300 MB whatever the file's length, and with two
 * lanes a 1M-household bundle's export peaked at 890-1,000 MB; with one it peaks under the shard
 * phase (~680 MB) in the same time (101.5 s against 102.6 s), because JSON is assembled alongside on
 * the other core.
 */
export const PARQUET_LANES = 1;

/**
 * Converts every job's CSV to Parquet and returns the rows written, in the jobs' order. Each lane
 * takes one of `slots`, when given, for its whole life: the process's conversions stay within them. The largest
 * files start first, each lane taking the next file when it is free, so the longest conversion never
 * waits behind small ones. On a failure the other lanes finish their current file (so no conversion
 * still writes when the caller removes the folder) and start no new one; the first failure is thrown.
 */
export async function convertFilesToParquet(jobs: ParquetJob[], lanes = PARQUET_LANES, slots?: ParquetSlots): Promise<number[]> {
  const sizes = await Promise.all(jobs.map(async (job) => (await stat(job.csvPath)).size));
  const queue = jobs.map((job, k) => ({ job, k })).sort((a, b) => sizes[b.k]! - sizes[a.k]! || a.k - b.k);
  const rows = new Array<number>(jobs.length).fill(0);
  let failed = false;
  const lane = async (): Promise<void> => {
    const converter = await createParquetConverter();
    try {
      for (let next = queue.shift(); next && !failed; next = queue.shift()) {
        rows[next.k] = await converter.convert(next.job.entity, next.job.csvPath, next.job.parquetPath, next.job.metadata);
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      converter.close();
    }
  };
  // With slots, each lane waits for one of the process's (see ParquetSlots) and keeps it to its end.
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(lanes, jobs.length) }, () => (slots ? slots.run(lane) : lane())));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failure) throw failure.reason;
  return rows;
}
