/** Which staged files of its shards a step needs on this machine (see shardsOf in snapshot-activities). */
export interface ShardNeeds {
  /** The records' segments (the export). */
  segments?: boolean;
  /** The uniqueness keys: every key file and index, or the indexes only (a key range reads its buckets remotely). */
  keys?: "all" | "indexes";
  /** A rerun: a shard not staged fails at once, naming the step to rerun from. */
  rerun?: boolean | undefined;
  /** Only these shards (a part's). */
  only?: (shard: { start: number }) => boolean;
}
