import type { Client } from "@temporalio/client";
import type { SearchAttributeKey } from "@temporalio/common/lib/search-attributes.js";
import { packOf } from "@sdh/packs";
import type { SnapshotInput } from "./snapshot-types.js";

/**
 * The custom search attributes a snapshot build carries, so an operator finds builds in the Web UI
 * or `temporal workflow list` by what they build: `SdhSnapshotId = '…'`, `SdhSeed = 7`,
 * `SdhAsOf = '2026-01-06'`, `SdhPack = 'pc'`, `SdhTarget = 's3://…'`. A namespace must register them
 * once (SEARCH_ATTRIBUTE_COMMANDS; the dev server of `pnpm services:up` has them); builds started
 * where they are not registered carry none, rather than fail.
 */
export const SEARCH_ATTRIBUTES = [
  { name: "SdhSnapshotId", type: "KEYWORD", of: (i: SnapshotInput) => i.snapshotId },
  { name: "SdhTarget", type: "KEYWORD", of: (i: SnapshotInput) => i.target },
  { name: "SdhSeed", type: "INT", of: (i: SnapshotInput) => i.config.seed },
  { name: "SdhAsOf", type: "KEYWORD", of: (i: SnapshotInput) => i.config.asOf },
  { name: "SdhPack", type: "KEYWORD", of: (i: SnapshotInput) => i.config.pack },
] as const;

/** How the Temporal CLI names the types (`temporal operator search-attribute create --type`). */
const CLI_TYPES = { KEYWORD: "Keyword", INT: "Int" } as const;

/** The commands that register them in a namespace, for doctor and the runbook. */
export function searchAttributeCommands(namespace: string): string[] {
  return SEARCH_ATTRIBUTES.map((a) => `temporal operator search-attribute create --namespace ${namespace} --name ${a.name} --type ${CLI_TYPES[a.type]}`);
}

/** A search attribute as a typed pair of plain data: it travels through a local activity's result into workflow code. */
export type SnapshotSearchAttribute = { key: SearchAttributeKey<"KEYWORD">; value: string } | { key: SearchAttributeKey<"INT">; value: number };

/** What the Web UI shows of a build: its search attributes (those registered), memo and summary. */
export interface SnapshotVisibility {
  searchAttributes: SnapshotSearchAttribute[];
  memo: Record<string, unknown>;
  /** One line of Temporal markdown: the UI's "Summary" of the run. */
  summary: string;
}

export function snapshotVisibility(input: SnapshotInput, registered: ReadonlySet<string>): SnapshotVisibility {
  const { config } = input;
  const root = packOf(config).spec.entities[0]!.name;
  return {
    searchAttributes: SEARCH_ATTRIBUTES.filter((a) => registered.has(a.name)).map((a) => (a.type === "INT" ? { key: { name: a.name, type: a.type }, value: Number(a.of(input)) } : { key: { name: a.name, type: a.type }, value: String(a.of(input)) })),
    memo: { snapshotId: input.snapshotId, pack: config.pack, records: config.records, seed: config.seed, asOf: config.asOf, formats: config.formats, shardSize: config.shardSize, target: input.target, ...(input.from ? { rerunFrom: input.from } : {}) },
    summary: `${input.from ? `Rerun from ${input.from} of snapshot` : "Snapshot"} **${input.snapshotId}**: ${config.records.toLocaleString("en-US")} ${root} (${config.pack}), seed ${config.seed}, asOf ${config.asOf} → ${input.target}`,
  };
}

/** The start options those become, for `client.workflow.start` and `executeChild`. */
export function visibilityOptions(v: SnapshotVisibility) {
  return {
    memo: v.memo,
    staticSummary: v.summary,
    ...(v.searchAttributes.length ? { typedSearchAttributes: v.searchAttributes } : {}),
  };
}

/** Which of ours the namespace has registered; none when they cannot be listed (a client without operator rights). */
export async function registeredSearchAttributes(client: Client): Promise<Set<string>> {
  try {
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({ namespace: client.options.namespace });
    return new Set(Object.keys(customAttributes ?? {}).filter((name) => SEARCH_ATTRIBUTES.some((a) => a.name === name)));
  } catch {
    return new Set();
  }
}
