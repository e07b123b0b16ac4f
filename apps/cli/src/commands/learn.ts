import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { augmentTables, learnedSummary, learnFromTables, LearnError, learnReport, readSampleFile, SampleError, writeAugmented, type LearnReport, type SampleTable } from "@sdh/learn";
import { PACK_NAMES } from "@sdh/packs";
import { RecipeDocument, RecipeError } from "@sdh/recipes";
import { commandArgs } from "../command-args.js";
import { EXIT, UsageError } from "../usage-error.js";
import { writeWhole } from "../write-whole.js";

/** Tables one learn reads at most (a recipe's entities are bounded too). */
const MAX_FILES = 50;

export async function learn(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs("learn", {
    args,
    allowPositionals: true,
    options: { out: { type: "string" }, k: { type: "string" }, augment: { type: "string" }, records: { type: "string" }, seed: { type: "string" }, name: { type: "string" }, report: { type: "string" }, "no-report": { type: "boolean", default: false }, force: { type: "boolean", default: false } },
  });
  if (positionals.length === 0) throw new UsageError("learn needs at least one sample file; see `sdh learn --help`");
  if (positionals.length > MAX_FILES) throw new UsageError(`learn reads at most ${MAX_FILES} files, got ${positionals.length}`);
  if (!values.out) throw new UsageError("learn needs --out RECIPE: where to write the recipe");
  const k = values.k === undefined ? 5 : Number(values.k);
  if (!Number.isInteger(k) || k < 2 || k > 1_000_000) throw new UsageError(`--k '${values.k}' is not a whole number from 2 to 1000000`);
  if (values.name !== undefined && !RecipeDocument.shape.name.safeParse(values.name).success) throw new UsageError(`--name '${values.name}': a recipe's name is lowercase letters, digits and '-' (2-40), e.g. retail-orders`);
  if (values.name !== undefined && PACK_NAMES.includes(values.name)) throw new UsageError(`--name '${values.name}' is a shipped pack's name, which a recipe may not take; choose another`);
  if (values.report && values["no-report"]) throw new UsageError("--report and --no-report contradict each other: give one");
  const records = values.records === undefined ? undefined : Number(values.records);
  if (records !== undefined && (!Number.isInteger(records) || records < 1 || records > 10_000_000)) throw new UsageError(`--records '${values.records}' is not a whole number from 1 to 10000000`);
  if (records !== undefined && !values.augment) throw new UsageError("--records counts the synthetic root rows --augment adds: give it with --augment DIR");
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed '${values.seed}' is not a whole number`);
  const out = resolve(values.out);
  if (existsSync(out) && !values.force) throw new UsageError(`${values.out} exists; give --force to replace it, or another --out`);
  if (!existsSync(dirname(out))) throw new UsageError(`--out ${values.out}: the folder ${dirname(values.out)} does not exist`);

  const progress = (line: string) => process.stderr.isTTY && process.stderr.write(`${line}\n`);
  const tables: SampleTable[] = [];
  const settings = { k, name: values.name };
  let learned;
  let report: LearnReport | null = null;
  try {
    for (const file of positionals) {
      progress(`reading ${file}`);
      tables.push(await readSampleFile(file));
    }
    progress(`learning from ${tables.reduce((s, t) => s + t.rows, 0).toLocaleString("en-US")} rows`);
    learned = learnFromTables(tables, settings);
    if (values.augment) {
      progress(`augmenting: the sample's rows and ${(records ?? learned.recipe.document.records!).toLocaleString("en-US")} synthetic root rows`);
      await writeAugmented(resolve(values.augment), augmentTables(tables, learned, { records: records ?? learned.recipe.document.records!, seed }));
    }
    if (!values["no-report"]) {
      progress("measuring fidelity and privacy (80/20 split)");
      report = learnReport(tables, settings, learned);
    }
  } catch (error) {
    if (error instanceof SampleError || error instanceof LearnError || error instanceof RecipeError) throw new UsageError(error.message);
    throw error;
  }

  if (values.report && report) writeWhole(resolve(values.report), `${JSON.stringify(report, null, 2)}\n`);
  // With a report, the recipe keeps what it measured (`learned:`): the bundle ships it and the catalog shows it.
  writeWhole(out, report ? learned.withSummary(learnedSummary(report, k)) : learned.text);

  const doc = learned.recipe.document;
  console.log(`Learned ${doc.name} from ${tables.length} table${tables.length === 1 ? "" : "s"} → ${values.out}`);
  for (const entity of learned.recipe.order) {
    const e = doc.entities[entity]!;
    const source = learned.sources.get(entity)!;
    console.log(`  ${entity}: ${source.rows.toLocaleString("en-US")} rows, ${Object.keys(e.fields).length} fields${e.parent ? `, under ${e.parent.entity} by ${e.parent.field}` : e.lookup ? ` (a lookup table: ${e.lookup.rows.toLocaleString("en-US")} rows at any size)` : " (root)"}${e.correlations ? `, ${e.correlations.fields.length} correlated` : ""}`);
  }
  if (report) {
    console.log(`Fidelity (training rows against as many generated; 1 = alike): ${report.score}`);
    for (const e of report.entities) {
      console.log(`  ${e.entity}: ${e.fidelity.score} (column shapes ${e.fidelity.shapes}, column pair trends ${e.fidelity.trends})`);
      if (e.privacy) console.log(`    privacy: identical to a training row ${pct(e.privacy.identical)} of generated rows (holdout rows: ${pct(e.privacy.holdoutIdentical)}); closest-row distance p5 ${e.privacy.closest.p5}, median ${e.privacy.closest.p50} (holdout: ${e.privacy.holdoutClosest.p5}, ${e.privacy.holdoutClosest.p50})`);
    }
  }
  if (values.augment) console.log(`Augmented tables (the sample's rows, then synthetic ones with keys after the sample's) in ${values.augment}`);
  console.log(`Next: sdh generate --recipe ${values.out} --records ${doc.records} --out ./out/${doc.name}`);
  return EXIT.ok;
}

const pct = (x: number) => `${Math.round(x * 10_000) / 100}%`;
