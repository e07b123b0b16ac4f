/**
 * How many DuckDB conversions one process runs at once, across every export it is doing (a worker's
 * concurrent parts). Each conversion holds about 300 MB whatever the file's length (ADR 0012), so a
 * worker exporting as many parts as it has activity slots would hold that many: the slots keep the
 * export's memory within the shard step's. Not part of the bytes: each file is still converted whole
 * by one single-thread instance.
 */
export class ParquetSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Parquet slots must be a whole number ≥ 1 (got ${size})`);
  }

  /** Runs `work` once a slot is free, first come first served, and frees the slot when it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `running` counts it still.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Slots in use now; for tests and metrics. */
  get busy(): number {
    return this.running;
  }
}

/** One slot per two activity slots of a worker (at least one): the export then holds no more than half its shard threads would. */
export function parquetSlotsFor(activitySlots: number): ParquetSlots {
  return new ParquetSlots(Math.max(1, Math.floor(activitySlots / 2)));
}
