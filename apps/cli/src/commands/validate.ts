import { BundleError, DATA_FORMATS, DataFileError, validateBundle, type BundleValidation, type DataFormat } from "@sdh/exporters";
import { IsoDate } from "@sdh/schemas";
import { EXIT, UsageError } from "../usage-error.js";
import { commandArgs } from "../command-args.js";
import { countsLine } from "../counts-line.js";


export async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args);
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new UsageError(`validate takes one folder, got ${positionals.length}; see \`sdh validate --help\``);
  if (values["as-of"] !== undefined && !IsoDate.safeParse(values["as-of"]).success) {
    throw new UsageError(`--as-of '${values["as-of"]}' is not a date; expected YYYY-MM-DD`);
  }
  const formats = values.format?.split(",").map((f) => f.trim());
  const unknown = formats?.filter((f) => !(DATA_FORMATS as readonly string[]).includes(f)) ?? [];
  if (unknown.length) throw new UsageError(`--format: unknown format(s) ${unknown.join(", ")}; allowed: ${DATA_FORMATS.join(", ")}`);

  const progress = process.stderr.isTTY && !values.json;
  let result: BundleValidation;
  try {
    result = await validateBundle(dir, {
      asOf: values["as-of"],
      formats: formats as DataFormat[] | undefined,
      onProgress: progress ? (format, entity, n) => process.stderr.write(`\r${format} ${entity}: ${n.toLocaleString("en-US")} records`.padEnd(60)) : undefined,
    });
  } catch (error) {
    if (error instanceof BundleError) throw new UsageError(error.message);
    if (error instanceof DataFileError) {
      console.error(`sdh: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  } finally {
    if (progress) process.stderr.write("\r".padEnd(61) + "\r");
  }

  if (values.json) console.log(JSON.stringify({ validation: result.validation, quality: result.quality }, null, 2));
  else printReport(dir, result);
  return result.validation.passed ? EXIT.ok : EXIT.failed;
}

function parseOptions(args: string[]) {
  return commandArgs("validate", {
    args,
    allowPositionals: true,
    options: { "as-of": { type: "string" }, format: { type: "string" }, json: { type: "boolean", default: false } },
  });
}

function printReport(dir: string, { validation, quality, formats, asOf, configSource }: BundleValidation): void {
  console.log(`Validated ${dir} (${formats.join(", ")}) at asOf ${asOf}; config from ${configSource}`);
  console.log(`  ${countsLine(validation.counts)}`);
  const failing = validation.rules.filter((r) => r.failures > 0);
  for (const rule of failing) {
    console.log(`${rule.severity === "error" ? "FAIL" : "WARN"}  ${rule.code}: ${rule.failures} failure(s) — ${rule.message}`);
    for (const example of rule.examples) console.log(`        e.g. ${JSON.stringify(example)}`);
  }
  console.log(`${validation.rules.length} rules: ${validation.rules.length - failing.length} passed, ${validation.errors} error rule(s) and ${validation.warnings} warning rule(s) failed`);
  const drifted = quality.checks.filter((c) => !c.passed);
  console.log(
    drifted.length === 0
      ? `Distributions: ${quality.checks.length} checks within tolerance`
      : `Distributions: ${drifted.length} of ${quality.checks.length} outside tolerance: ${drifted.map((c) => `${c.name} ${c.observed} (expected ${c.expected} ±${c.tolerance})`).join("; ")}`,
  );
  console.log(validation.passed ? "Result: passed" : "Result: FAILED — a snapshot with error-severity failures is never published");
}
