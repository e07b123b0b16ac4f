import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoSamples } from "@sdh/exporters";
import { configFromFlags } from "../config-flags.js";
import { EXIT } from "../usage-error.js";
import { commandArgs } from "../command-args.js";

export const samplesHelp = `sdh samples — write the demo samples (seed 001's data/demo_samples/v0.6)

Writes households_sample.json, persons_sample.json, vehicles_sample.json, profiles_sample.json,
policies_sample.json, drivers_sample.json, policy_vehicles_sample.json, coverages_sample.json,
claims_sample.json and bundle_sample.json: the first households of the seeded snapshot until three
personal households, two commercial accounts and one household with claims are shown, with their
persons, vehicles, profiles, policies, drivers, policy vehicles, coverages and claims, pretty-printed
for slides and demos. The committed samples are made with the
defaults; a test fails if regenerating them changes a byte.

Options:
  --out DIR      the folder to write (default data/demo_samples/v0.6)
  --seed S       seed (default 42, the snapshot default)
  --as-of DATE   reference date YYYY-MM-DD (default 2026-01-06)

Exit codes: 0 written; 1 the samples failed validation; 2 bad options.

Examples:
  pnpm sdh samples
  pnpm sdh samples --seed 7 --out ./out/samples`;

export function samples(args: string[]): number {
  const { values } = commandArgs("samples", { args, options: { out: { type: "string" }, seed: { type: "string" }, "as-of": { type: "string" } } });
  const { config } = configFromFlags({ seed: values.seed, "as-of": values["as-of"] });
  const out = values.out ?? join("data", "demo_samples", "v0.6");
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(demoSamples(config))) writeFileSync(join(out, name), text);
  console.log(`Demo samples (seed ${config.seed}, asOf ${config.asOf}) written to ${out}`);
  return EXIT.ok;
}
