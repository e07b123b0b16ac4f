import { randomUUID } from "node:crypto";
import { appendFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { snapshotStaging } from "@sdh/storage";
import { describe, expect, it } from "vitest";
import { failureOf, snapshotInput, tmp, servicesOfThisFile } from "./snapshot-harness.js";

// Issue 16.3: a corrupt staged file is never published. Each case damages one staged file just
// before the step that reads it, on a real worker and dev server; the run must fail at once
// (one attempt), non-retryably, naming the file and the step to rerun from, and publish nothing.


const flipByte = (path: string) => {
  const bytes = readFileSync(path);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle]! ^ 0x01;
  writeFileSync(path, bytes);
};

describe("corrupt staged output (real Temporal dev server)", () => {
  const services = servicesOfThisFile();

  const cases: Array<[string, "checkKeyRanges" | "exportSnapshot" | "publishManifest", (staging: ReturnType<typeof snapshotStaging>) => string, RegExp]> = [
    ["a flipped byte in a shard's segment", "exportSnapshot", (s) => join(s.shardsDir, "shard-00001", "vehicles.json"), /shard-00001\/vehicles\.json is corrupt.*rerun --from generateShard/],
    ["a truncated segment", "exportSnapshot", (s) => join(s.shardsDir, "shard-00000", "persons.csv"), /shard-00000\/persons\.csv is corrupt.*rerun --from generateShard/],
    // Key files are read by the key checks, a range's buckets at a time: the message names the bucket.
    ["a damaged key file", "checkKeyRanges", (s) => join(s.shardsDir, "shard-00000", "keys", "UNIQUE_COVERAGE_ID.keys"), /shard-00000\/keys\/UNIQUE_COVERAGE_ID\.keys \(bucket \d+\) is corrupt.*rerun --from generateShard/],
    ["an exported file grown after the export", "publishManifest", (s) => join(s.bundleDir, "vehicles_v0_9.json"), /vehicles_v0_9\.json is corrupt.*rerun --from exportSnapshot/],
    ["a validation report that is not JSON", "publishManifest", (s) => s.validationReport, /validation\.json is corrupt: not JSON.*rerun --from validateSnapshot/],
  ];

  it.each(cases)("%s fails the run non-retryably, naming the file and the step, and publishes nothing", async (label, step, fileOf, message) => {
    const taskQueue = `test-${randomUUID()}`;
    const stagingRoot = tmp();
    const target = tmp();
    const input = snapshotInput({ records: 120, seed: 35, shardSize: 60 }, target);
    const staging = snapshotStaging(stagingRoot, input.snapshotId);
    const attempts: number[] = [];
    const worker = await services().worker(taskQueue, {
      stagingRoot,
      beforeStep: (at, attempt) => {
        if (at !== step) return;
        attempts.push(attempt);
        if (attempt > 1) return;
        const path = fileOf(staging);
        if (label.includes("truncated")) truncateSync(path, 100);
        else if (label.includes("grown")) appendFileSync(path, " ");
        else if (label.includes("not JSON")) writeFileSync(path, "{ cut off");
        else flipByte(path);
      },
    });
    const run = await services().start(taskQueue, input);
    const failure = await worker.runUntil(failureOf(run.result()));
    expect(failure.type).toBe("StagedOutputCorrupt");
    expect(failure.message).toMatch(message);
    expect(attempts).toEqual([1]);
    expect(readdirSync(target)).toEqual([]);
  });
});
