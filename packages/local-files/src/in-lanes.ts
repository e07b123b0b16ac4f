/**
 * Runs `work` on every item, at most `lanes` at a time, each lane taking the next item when it is
 * free (reads, downloads, uploads: their round trips overlap). After a failure no lane takes a new
 * item, and every lane ends before this returns or throws, so nothing still runs when the caller
 * cleans up. Throws the failure of the earliest item that failed: the same error, whatever the timing.
 */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const failed: Array<{ index: number; error: unknown }> = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length && failed.length === 0; i = next++) {
      try {
        await work(items[i]!, i);
      } catch (error) {
        failed.push({ index: i, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  if (failed.length > 0) throw failed.reduce((a, b) => (b.index < a.index ? b : a)).error;
}
