import type { GeneratedRoot, Pack } from "@sdh/validation";
import { PC_VALIDATION } from "./checks/index.js";
import { asOfProblem, createGenerator, GENERATOR, recordsByEntity } from "./generator/index.js";
import type { Household } from "./schemas/index.js";
import { PcSettings } from "./settings.js";

/** How many households of each line the demo samples show: enough for a slide, both lines of business. */
export const DEMO_SAMPLE_HOUSEHOLDS = { personal: 3, commercial: 2 } as const;

/**
 * The first households until the sample holds DEMO_SAMPLE_HOUSEHOLDS of each line and a household with
 * claims (claims are rare: about one a decade per vehicle).
 */
function pickSamples(roots: Iterable<GeneratedRoot>): GeneratedRoot[] {
  const wanted: Record<"personal" | "commercial", number> = { ...DEMO_SAMPLE_HOUSEHOLDS };
  const picked: GeneratedRoot[] = [];
  let claimsShown = false;
  for (const root of roots) {
    const lob = (root.records.households![0] as Household).lob_type;
    const claims = root.records.claims!.length;
    const withClaims = !claimsShown && claims > 0;
    if (wanted[lob] === 0 && !withClaims) continue;
    wanted[lob] = Math.max(0, wanted[lob] - 1);
    claimsShown ||= claims > 0;
    picked.push(root);
    if (wanted.personal === 0 && wanted.commercial === 0 && claimsShown) break;
  }
  return picked;
}

/**
 * The P&C pack as the engine runs it: the declaration (schemas/), the household rule and its
 * reference tables (generator/, data/) and the gate's P&C rules (checks/), all in this folder.
 */
export const PC_PACK: Pack = {
  ...PC_VALIDATION,
  generator: GENERATOR,
  asOfProblem,
  settings: PcSettings,
  samples: { pick: pickSamples, note: "The first households of the seeded snapshot until three personal, two commercial and one with claims are shown" },
  generate(config) {
    const households = createGenerator(config);
    return {
      *range(start, end) {
        for (const bundle of households.range(start, end)) yield { index: bundle.index, records: recordsByEntity(bundle) };
      },
    };
  },
};

// What tests, benches and tools outside the engine read of the P&C pack by name.
export * from "./schemas/index.js";
export * from "./generator/index.js";
export { RULES, RULE_CODES, PC_CHECKS, PC_VALIDATION, type RuleCode } from "./checks/index.js";
export { PcSettings, pcSettings, recordedPcSettings } from "./settings.js";
