import type { z } from "zod";
import type { DistributionCheck, PackSpec, RecordedConfig, SnapshotConfig } from "@sdh/schemas";
import type { PackChecks } from "./pack-checks.js";

// A pack as the engine runs it (ADR 0016): the declaration, the rule that makes records, the gate's
// domain rules and the quality report's distribution checks. The shard builder, the gate, the quality
// collector, the exporters and the CLI take one of these and never name an entity.

/** Everything root record `index` makes, by entity, in the declared order: what the engine iterates. */
export interface GeneratedRoot {
  index: number;
  records: Readonly<Record<string, ReadonlyArray<Record<string, unknown>>>>;
}

export interface PackGenerator {
  /** Root records [start, end) with everything they make; a pure function of (seed, config, index), never needing a record before `start`. */
  range(start: number, end: number): Iterable<GeneratedRoot>;
}

/**
 * The distribution checks of a pack's quality report: fed every record as the gate streams past it,
 * mergeable across shards (its state is JSON), compared at the end with what the config asks for.
 */
export interface QualityTally {
  observe(entity: string, record: Readonly<Record<string, unknown>>): void;
  state(): unknown;
  merge(state: unknown): void;
  checks(config: RecordedConfig): DistributionCheck[];
}

/** What validating a pack's records needs: no generator (a bundle read from disk is checked with this). */
export type PackValidation = Pick<Pack, "spec" | "checks" | "createTally">;

export interface Pack {
  spec: PackSpec;
  /** The generator a manifest records; its version moves with any change to the bytes of the pack's seeded records. */
  generator: { name: string; version: string };
  generate(config: SnapshotConfig): PackGenerator;
  /** Why the generator cannot build a snapshot as of `asOf`, or null when it can: checked where a config comes in, before any work. */
  asOfProblem(asOf: string): string | null;
  /**
   * The pack's own settings (a config's `settings`), with their defaults: checked where a config comes
   * in, recorded in full in the manifest. A pack without settings takes none (`settings` must be empty).
   */
  settings?: z.ZodType<Record<string, unknown>>;
  checks: PackChecks;
  /** A new, empty tally of the pack's distribution checks. */
  createTally(): QualityTally;
  /** Which root records the demo samples show, from the seeded snapshot's first ones, and how to say so; by default its first three. */
  samples?: { pick(roots: Iterable<GeneratedRoot>): GeneratedRoot[]; note: string };
  /** Sections of its own for the quality summary (Markdown lines), after the engine's: what only the pack knows. */
  summarySections?: readonly string[];
}
