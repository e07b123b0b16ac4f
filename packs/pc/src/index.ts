import { createGenerator, GENERATOR, recordsByEntity } from "@sdh/rules";
import type { Household } from "@sdh/schemas";
import { PC_VALIDATION, type GeneratedRoot, type Pack } from "@sdh/validation";

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
 * The P&C pack as the engine runs it: the declaration, the household rule and the gate's P&C rules.
 * Its parts still live in the layer packages (`@sdh/schemas` packs/pc.ts, `@sdh/rules`,
 * `@sdh/validation` pc/), which ADR 0016 records; this package is where the engine finds them.
 */
export const PC_PACK: Pack = {
  ...PC_VALIDATION,
  generator: GENERATOR,
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
