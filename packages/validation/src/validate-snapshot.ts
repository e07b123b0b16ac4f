import type { Entity, ValidationReport } from "@sdh/schemas";
import { ValidationGate, type GateOptions } from "./validation-gate.js";

export type RecordSource = Iterable<unknown> | AsyncIterable<unknown>;

/**
 * The snapshot's records, entity by entity of its pack. Each is read once, in the declared order: a
 * parent's records before its children's, and only keys and a few bytes per record are held in
 * memory. Functions, so nothing is opened before its turn.
 */
export type SnapshotSources = Record<Entity, () => RecordSource>;

/** A number of records someone claims an entity has: the config, the generator, an exported file or the manifest. */
export interface CountClaim {
  kind: "config" | "generated" | "export" | "manifest";
  /** Who claims it, as the report should name it: "config.records", "households_v0_9.csv", ... */
  source: string;
  entity: Entity;
  records: number;
}

/** Sees every record once as the gate streams past it; the quality report is built this way. */
export interface RecordObserver {
  observe(entity: Entity, record: unknown): void;
}

export interface ValidateOptions extends GateOptions {
  claims?: readonly CountClaim[];
  /** Called every `progressEvery` records and at the end of each entity. */
  onProgress?: (entity: Entity, records: number) => void;
  progressEvery?: number;
}

export interface ValidationRun {
  report: ValidationReport;
  /** Bytes held by the id tables at the end: what the gate keeps in memory beyond one record. */
  indexBytes: number;
}

/** Runs every rule over the snapshot in one streaming pass per entity, in the declared order. */
export async function validateSnapshot(sources: SnapshotSources, options: ValidateOptions): Promise<ValidationRun> {
  const gate = new ValidationGate(options);
  const every = options.progressEvery ?? 100_000;
  for (const { name: entity } of options.pack.pack.entities) {
    let position = 0;
    const visit = (record: unknown) => {
      gate.check(entity, record);
      position++;
      if (options.onProgress && position % every === 0) options.onProgress(entity, position);
    };
    const source = sources[entity]!();
    // A sync source (records in memory, a generator) skips the per-record await of `for await`.
    if (Symbol.iterator in source) for (const record of source) visit(record);
    else for await (const record of source) visit(record);
    options.onProgress?.(entity, position);
  }
  return gate.finish(options.claims);
}
