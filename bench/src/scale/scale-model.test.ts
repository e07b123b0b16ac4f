import { describe, expect, it } from "vitest";
import { calibrate, checkTemporalRun, predict, s3Traffic, shardRows, simulateLanes, type PhaseRun } from "./scale-model.js";

/** A measured build of 100,000 households on 2 threads: 1 GB in two files, 1 s of merge and 4 s of export. */
function phaseRun(rows: number, shards: { seconds: number; cpuSeconds: number }, documentsSeconds: number): PhaseRun {
  return {
    households: 100_000, workers: 2, shards: 2, rows, bytes: 1e9, files: 2, fileBytes: [6e8, 4e8], keyBytes: 4e7,
    steps: { shards, validate: { seconds: 1, cpuSeconds: 1 }, export: { seconds: 4, cpuSeconds: 5 }, documents: { seconds: documentsSeconds, cpuSeconds: documentsSeconds } },
    peakRssMb: 700,
  };
}

describe("the scale model", () => {
  it("schedules shards as the workflow does: each free slot takes the next one", () => {
    // Five shards of 10 s on two slots: three rounds on the first slot, 30 s.
    expect(simulateLanes([10, 10, 10, 10, 10], 2, 1, 0)).toEqual({ makespan: 30, waves: 3, longest: 10 });
    // A partial last shard lands on the slot free first.
    expect(simulateLanes([10, 10, 4], 2, 1, 1)).toEqual({ makespan: 16, waves: 2, longest: 11 });
    expect(shardRows(120, 50, 2)).toEqual([100, 100, 40]);
  });

  it("counts S3 requests: a PUT per small file, create + 16 MiB parts + complete per large one, files split at 1 GiB", () => {
    const GiB = 1024 ** 3;
    const small = s3Traffic([1000]);
    expect(small).toEqual({ requests: 12 + 1, bytes: 1000, files: 1 });
    // 2.5 GiB: parts of 1 GiB, 1 GiB and 0.5 GiB; 64 + 64 + 32 parts of 16 MiB, each upload 2 more.
    expect(s3Traffic([2.5 * GiB])).toEqual({ requests: 12 + 66 + 66 + 34, bytes: 2.5 * GiB, files: 3 });
  });

  it("reproduces its calibration run, and grows the one-machine steps with the rows while shards spread", () => {
    const cal = calibrate(phaseRun(1_800_000, { seconds: 15, cpuSeconds: 27 }, 0.1), 50_000);
    const same = predict({ households: 100_000, workers: 1, coresPerWorker: 2, shardSize: 50_000, inProcess: true }, cal);
    expect(same.totalSeconds).toBeCloseTo(15 + 1 + 4 + 0.1, 6);
    const big = predict({ households: 100_000_000, workers: 64, coresPerWorker: 8, shardSize: 50_000 }, cal);
    expect(big.exportSeconds).toBeCloseTo(4_000, 6);
    expect(big.shardSeconds).toBeLessThan(big.exportSeconds);
    expect(big.longestActivity.name).toBe("export (one machine)");
    // 4e7 key bytes per 100k households is 2.5e6 keys; ×1000, 2,500 batches of a million keys on 512
    // cores: 5 rounds of 0.4 s each (the calibration's 1 s of validate a 2.5M keys, spread).
    expect(big.keyChecks).toBe(2_500);
    expect(big.validateSeconds).toBeCloseTo(5 * 0.4, 6);
    // Their reads of shared staging: 2,500 batches hold 2,516 ranges at most (16 rules), each read from
    // 2,000 shards, and each shard's index of a rule once: 5,064,000 ranged GETs, the keys' 40 GB and
    // the seals and indexes (8,192 + 1,500 bytes a rule a shard). At 20 ms a GET, 16 at a time, a
    // batch waits 5,064,000 / 2,500 / 16 × 0.02 = 2.532 s more.
    expect(big.stagingReads).toEqual({ requests: 5_064_000, bytes: 4e10 + 16 * 2_000 * 9_692 });
    const slowReads = predict({ households: 100_000_000, workers: 64, coresPerWorker: 8, shardSize: 50_000, stagingReadSeconds: 0.02 }, cal);
    expect(slowReads.validateSeconds).toBeCloseTo(5 * (0.4 + 2.532), 6);
    // One shard checks nothing across shards, and reads nothing.
    expect(predict({ households: 50_000, workers: 1, coresPerWorker: 2, shardSize: 50_000 }, cal).stagingReads).toEqual({ requests: 0, bytes: 0 });

    // The parts layout: 500 parts of 200,000 households over 512 cores, each its export (8 s) and its
    // upload (2 GB at 100 MB/s shared by 8 cores: 160 s); no one-machine export or publish is left,
    // and a part is the longest activity: the key checks are spread too.
    const parted = predict({ households: 100_000_000, workers: 64, coresPerWorker: 8, shardSize: 50_000, publishBytesPerSecond: 100e6, partRoots: 200_000 }, cal);
    expect(parted.exportSeconds).toBeCloseTo(8 + 160, 6);
    expect(parted.publishSeconds).toBe(0);
    expect(parted.longestActivity).toEqual({ name: "a part's export and upload", seconds: expect.closeTo(168, 6) });
    expect(parted.s3.files).toBe(500 * 2);
    expect(parted.s3.bytes).toBeCloseTo(1e12, 0);
  });

  it("checks a build through Temporal step by step: its critical path's activities grouped as the model's steps", () => {
    const cal = calibrate(phaseRun(1_000_000, { seconds: 10, cpuSeconds: 20 }, 0), 50_000);
    const criticalPath = [
      { type: "validateSnapshot", activities: 1, seconds: 3 },
      { type: "generateShard", activities: 2, seconds: 20 },
      { type: "exportPart", activities: 2, seconds: 9 },
      { type: "collectParts", activities: 1, seconds: 1 },
      { type: "publishManifest", activities: 1, seconds: 0.5 },
    ];
    const { predicted, measured } = checkTemporalRun({ layout: "parts", households: 200_000, workers: 4, criticalPathSeconds: 34, criticalPath }, cal, { cores: 2, shardSize: 50_000, publishBytesPerSecond: 1e9, partRoots: 50_000 });
    expect(measured).toEqual({ shards: 20, validate: 3, export: 10, publish: 0.5, total: 34 });
    // Twice the calibration's households on the same two cores: twice its shard step; its key checks
    // (2 s of work on one core in the calibration's process: 5M keys, 5 batches of 0.4 s) on both cores.
    expect(predicted.shards).toBeCloseTo(20, 6);
    expect(predicted.validate).toBeCloseTo(3 * 0.4, 6);
    // Four parts of 500,000 rows on two cores, each 2 s of export and 1 s of upload (1e9 bytes at 1 GB/s shared by 2 cores, a quarter each).
    expect(predicted.export).toBeCloseTo(6, 6);
    expect(predicted.total).toBeCloseTo(27.2, 6);
  });
});
