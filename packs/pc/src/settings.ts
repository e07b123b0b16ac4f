import { IdentifierStyle, type RecordedConfig, type SnapshotConfig } from "@sdh/schemas";
import { z } from "zod";

// The P&C pack's own settings (ADR 0016, issue 34): until schema 0.9 they were fields of every
// config and every pack's manifest; now a pc config carries them in `settings`, the pack checks them
// (`Pack.settings`), and a FinTech or recipe manifest records none of them.

const sumsToOne = (weights: readonly number[]) => Math.abs(weights.reduce((a, b) => a + b, 0) - 1) < 1e-9;

/**
 * Vehicles a personal household keeps (0, 1, 2, 3, 4): the 2001 National Household Travel Survey's
 * distribution (BTS special report 2007-10-03, table 1, "Overall": 7.2% none, 30.8% one, 37.7% two,
 * 24.3% three or more; public domain, US Government work), its "three or more" split two to one between
 * three and four (a rule) so the mean is 1.87 — NHTS's 1.9 (2001) and 1.88 (2017) vehicles a household.
 */
const VEHICLES_PER_HOUSEHOLD_NHTS = [0.072, 0.308, 0.377, 0.162, 0.081];

/** Probability of each vehicle count: weights[k] is the share of personal households that keep k vehicles. */
const VehicleCountWeights = z
  .array(z.number().min(0).max(1), { error: "must be a list of probabilities, one per vehicle count from 0" })
  .min(1)
  .max(51)
  .refine(sumsToOne, { error: "the probabilities must add up to 1" })
  .describe("Probability of owning 0, 1, 2, … vehicles; adds up to 1");

export const PcSettings = z
  .strictObject({
    lobMix: z
      .strictObject({ personal: z.number().min(0).max(1).describe("Share of personal-lines households"), commercial: z.number().min(0).max(1).describe("Share of commercial accounts") })
      .refine((m) => sumsToOne([m.personal, m.commercial]), { error: "personal + commercial must add up to 1" })
      .default({ personal: 0.85, commercial: 0.15 })
      .describe("Share of households (personal lines) and business accounts (commercial lines); `--commercial-share F` sets it"),
    // Since 0.2 commercial fleets follow their business archetype (1 to hundreds of vehicles), so only
    // personal lines take a distribution here.
    vehiclesPerPerson: z
      .strictObject(
        { personal: VehicleCountWeights },
        { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(", ")}; only 'personal' is allowed: since schema 0.2 commercial fleet sizes follow the business archetype` : undefined) },
      )
      .default({ personal: VEHICLES_PER_HOUSEHOLD_NHTS })
      .describe("Distribution of the vehicles a personal-lines household keeps (the name is kept from schema 0.2)"),
    identifiers: IdentifierStyle.default("realistic").describe(
      "realistic: licence numbers and plates in live state formats (could match a real person in a system wired to a live vendor); synthetic: unmistakably fake ones (licences SYN…, plates ZZ…)",
    ),
  })
  .describe("The P&C pack's settings");
export type PcSettings = z.infer<typeof PcSettings>;

const resolved = new WeakMap<object, PcSettings>();

/** A pc config's settings, defaults filled in (checked where the config came in: packs' withPackSettings). */
export function pcSettings(config: Pick<SnapshotConfig, "settings">): PcSettings {
  let settings = resolved.get(config);
  if (!settings) resolved.set(config, (settings = PcSettings.parse(config.settings ?? {})));
  return settings;
}

/** The settings a snapshot recorded: in `settings` since schema 0.9, as fields of the config before. */
export function recordedPcSettings(config: RecordedConfig): PcSettings {
  if (config.settings) return PcSettings.parse(config.settings);
  const { lobMix, vehiclesPerPerson, identifiers } = config;
  return PcSettings.parse({ ...(lobMix ? { lobMix } : {}), ...(vehiclesPerPerson ? { vehiclesPerPerson: { personal: vehiclesPerPerson.personal } } : {}), ...(identifiers ? { identifiers } : {}) });
}
