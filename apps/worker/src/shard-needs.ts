/** Which staged files of its shards a step needs on this machine (see shardsOf in snapshot-activities). */
export interface ShardNeeds {
  /** The records' segments (the export). */
  segments?: boolean;
  /**
   * The uniqueness keys: every key file and index; the indexes only (a key range reads its buckets
   * remotely); or only the whole key files of shards staged before keys were bucketed (the plan).
   */
  keys?: "all" | "indexes" | "unbucketed";
  /** A rerun: a shard not staged fails at once, naming the step to rerun from. */
  rerun?: boolean | undefined;
  /** Only these shards (a part's). */
  only?: (shard: { start: number }) => boolean;
}
