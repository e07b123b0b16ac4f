import { impliedRules, type PackSpec, type Severity } from "@sdh/schemas";

export interface RuleDefinition {
  severity: Severity;
  /** What the rule demands, in a consumer's words; the report repeats it next to the failure count. */
  message: string;
}

/** Every rule a gate reports for one pack, by code, in the order its reports list them. */
export type RuleCatalog = Readonly<Record<string, RuleDefinition>>;

/**
 * The rules of the count claims every pack's gate runs (config, generator, exports, manifest), worded
 * with the pack's root entity: the config's `records` counts it.
 */
export function countRules(rootTitle: string): RuleCatalog {
  return {
    COUNT_CONFIG_MISMATCH: { severity: "error", message: `The snapshot holds as many ${rootTitle} records as the config asked for (config.records)` },
    COUNT_GENERATED_MISMATCH: { severity: "error", message: "Each entity holds as many records as were generated" },
    COUNT_EXPORT_MISMATCH: { severity: "error", message: "Every exported file of an entity holds the same number of records" },
    COUNT_MANIFEST_MISMATCH: { severity: "error", message: "Record counts agree with the manifest" },
  };
}

/**
 * Rules that mean the same in every pack holding people's contact details: a pack lists them in its
 * catalog under these codes and this wording (the P&C pack's persons, the FinTech pack's customers).
 */
export const CONTACT_RULES = {
  UNIQUE_EMAIL: { severity: "error", message: "email is unique in the snapshot" },
  PRIVACY_EMAIL_DOMAIN: { severity: "error", message: "Every email is on a reserved domain (example.com, example.net, example.org)" },
  PRIVACY_PHONE_RANGE: { severity: "error", message: "Every phone number is in the fictional 555-0100..0199 range" },
} as const satisfies RuleCatalog;

/**
 * A pack's catalog: the rules its declaration implies (schema, primary keys, references, exactly-one
 * children), the count claims, then its own domain rules, in that order.
 */
export function packCatalog(pack: PackSpec, own: RuleCatalog): RuleCatalog {
  const implied = Object.fromEntries(impliedRules(pack).map((r) => [r.code, { severity: "error" as const, message: r.message }]));
  const root = pack.entities[0]!.title.toLowerCase();
  return { ...implied, ...countRules(root), ...own };
}
