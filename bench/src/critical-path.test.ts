import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { activitySpans, criticalPath } from "./critical-path.js";

// A real history: the snapshot workflow's replay fixture (8 shards, one worker), as the worker's tests recorded it.
const history = JSON.parse(readFileSync(new URL("../../apps/worker/test/histories/snapshot-workflow.json", import.meta.url), "utf8")) as { events: [] };

describe("the critical path of a snapshot run", () => {
  const spans = activitySpans(history);

  it("reads every activity with its scheduled, started and closed times", () => {
    expect(spans.map((s) => s.type)).toEqual([...Array<string>(8).fill("generateShard"), "validateSnapshot", "exportSnapshot", "publishManifest"]);
    for (const s of spans) expect(s.scheduled <= s.started && s.started <= s.closed).toBe(true);
  });

  it("is the shard that closed last, then the whole-snapshot steps; the longest activity leaves queue time out", () => {
    const { path, byType, longest, seconds } = criticalPath(spans);
    expect(path.map((s) => s.type)).toEqual(["generateShard", "validateSnapshot", "exportSnapshot", "publishManifest"]);
    // Shard activity 1 (scheduled as event 5) closed last, at 09.4157; it ran 57 ms of its 2.14 s on the path.
    expect(path[0]!.closed).toBe(Date.parse("2026-11-21T23:53:09.415Z"));
    expect(byType[0]!.seconds).toBeCloseTo(2.14, 2);
    expect(seconds).toBeCloseTo(9.679 - 7.275, 2);
    // The longest run, started to closed: the shard scheduled as event 11, 1.494 s (the shard of event
    // 5 spent 2.14 s on the path, but 2.08 s of it waiting for a free slot).
    expect(longest).toMatchObject({ type: "generateShard" });
    expect(longest!.seconds).toBeCloseTo(1.49, 2);
  });

  it("reads a fetched history's proto form (Long ids, Timestamps) the same way", () => {
    const long = (n: number) => ({ toString: () => String(n), toNumber: () => n });
    const at = (s: number) => ({ seconds: long(s), nanos: 500_000_000 });
    const proto = {
      events: [
        { eventId: long(5), eventTime: at(100), activityTaskScheduledEventAttributes: { activityType: { name: "generateShard" }, activityId: "1" } },
        { eventId: long(6), eventTime: at(101), activityTaskStartedEventAttributes: { scheduledEventId: long(5) } },
        { eventId: long(7), eventTime: at(110), activityTaskCompletedEventAttributes: { scheduledEventId: long(5) } },
      ],
    };
    expect(activitySpans(proto)).toEqual([{ type: "generateShard", activityId: "1", scheduled: 100_500, started: 101_500, closed: 110_500 }]);
  });
});
