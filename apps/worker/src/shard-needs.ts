/** Which staged files of its shards a step needs on this machine (see shardsOf in snapshot-activities). */
export interface ShardNeeds {
  /** The records' segments (the export). */
  segments?: boolean;
  /**
   * The uniqueness keys: every key file and index; what a key range needs here when it reads its
   * buckets remotely ("ranged": nothing for sealed key files, each rule's index for shards staged
   * before seals); or only the whole key files of shards staged before keys were bucketed (the plan).
   */
  keys?: "all" | "ranged" | "unbucketed";
  /** The quality figures (the merge reads them): brought unless false. The key checks need none. */
  quality?: boolean;
  /** A rerun: a shard not staged fails at once, naming the step to rerun from. */
  rerun?: boolean | undefined;
  /** Only these shards (a part's). */
  only?: (shard: { start: number }) => boolean;
}
