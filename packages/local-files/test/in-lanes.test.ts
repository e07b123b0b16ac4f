import { describe, expect, it } from "vitest";
import { inLanes } from "@sdh/local-files";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("inLanes", () => {
  it("runs every item, never more than the lanes at once", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inLanes([5, 1, 4, 2, 3, 1, 2], 3, async (ms, i) => {
      most = Math.max(most, ++running);
      await tick(ms);
      running--;
      done.push(i);
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("after a failure takes no new item, lets the running ones end, and throws the earliest item's failure", async () => {
    const started: number[] = [];
    let running = 0;
    // Item 2 fails first (at 1 ms), item 1 later (at 5 ms): item 1's failure is the one thrown.
    const delays = [20, 5, 1, 30, 30, 30];
    const outcome = inLanes(delays, 3, async (ms, i) => {
      started.push(i);
      running++;
      await tick(ms);
      running--;
      if (i === 1 || i === 2) throw new Error(`item ${i}`);
    });
    await expect(outcome).rejects.toThrow("item 1");
    expect(running).toBe(0);
    expect(started.sort()).toEqual([0, 1, 2]);
  });

  it("does nothing for no items", async () => {
    await inLanes([], 4, () => Promise.reject(new Error("never")));
  });
});
