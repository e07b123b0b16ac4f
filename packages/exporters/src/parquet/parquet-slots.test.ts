import { describe, expect, it } from "vitest";
import { ParquetSlots, parquetSlotsFor } from "./parquet-slots.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("ParquetSlots", () => {
  it("runs at most `size` works at once, the others in the order they came, and frees a slot on failure too", async () => {
    const slots = new ParquetSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (k: number, fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(k);
      await tick();
      running--;
      if (fail) throw new Error(`work ${k} failed`);
      return k;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((k) => slots.run(work(k, k === 1))));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect(slots.busy).toBe(0);
  });

  it("gives a worker one conversion per two activity slots, never none, and refuses a size below one", () => {
    expect([1, 2, 3, 8].map((n) => parquetSlotsFor(n).size)).toEqual([1, 1, 1, 4]);
    expect(() => new ParquetSlots(0)).toThrow(/whole number ≥ 1 \(got 0\)/);
  });
});
