import { PACK_NAMES } from "@sdh/packs/names";

export const samplesHelp = `sdh samples — write the demo samples (seed 001's data/demo_samples/v0.9)

Writes one <entity>_sample.json per entity of the pack and bundle_sample.json, pretty-printed for
slides and demos. The pc pack's (households_sample.json … claims_sample.json) show the first
households of the seeded snapshot until three personal households, two commercial accounts and one
household with claims are shown, with everything they hold; the fintech pack's
(customers_sample.json, accounts_sample.json, transactions_sample.json) its first three customers.
The committed samples are made with the defaults; a test fails if regenerating them changes a byte.

Options:
  --pack NAME    the entity pack: ${PACK_NAMES.join(", ")} (default ${PACK_NAMES[0]})
  --out DIR      the folder to write (default data/demo_samples/v0.9, and v0.9/<pack> for another pack)
  --seed S       seed (default 42, the snapshot default)
  --as-of DATE   reference date YYYY-MM-DD (default 2026-01-06)

Exit codes: 0 written; 1 the samples failed validation; 2 bad options.

Examples:
  sdh samples
  sdh samples --pack fintech
  sdh samples --seed 7 --out ./out/samples`;
