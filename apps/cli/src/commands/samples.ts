import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoSamples } from "@sdh/exporters";
import { demoSampleFolder } from "@sdh/packs";
import { configFromFlags } from "../config-flags.js";
import { EXIT } from "../usage-error.js";
import { commandArgs } from "../command-args.js";


export function samples(args: string[]): number {
  const { values } = commandArgs("samples", { args, options: { pack: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, "as-of": { type: "string" } } });
  const { config } = configFromFlags({ pack: values.pack, seed: values.seed, "as-of": values["as-of"] });
  const out = values.out ?? demoSampleFolder(config.pack);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(demoSamples(config))) writeFileSync(join(out, name), text);
  console.log(`Demo samples (seed ${config.seed}, asOf ${config.asOf}) written to ${out}`);
  return EXIT.ok;
}
