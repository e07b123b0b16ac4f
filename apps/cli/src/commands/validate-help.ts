import { OutputFormat } from "@sdh/schemas";

export const validateHelp = `sdh validate DIR — run the full validation rule set on a bundle folder and print the report

DIR holds data files named like households_v0_9.csv, persons_v0_9.json, vehicles_v0_9.parquet (a
snapshot, or a bundle edited by hand). Every format present is checked, and their counts must agree.
The asOf date and the config come from metadata_v0_9.json or the manifest when present.

Options:
  --as-of DATE     reference date (YYYY-MM-DD) for ages, licence dates and model years
  --format LIST    only these formats: ${OutputFormat.options.join(", ")} (comma-separated)
  --json           print the full validation and quality reports as JSON

Exit codes: 0 no error-severity rule failed; 1 at least one did (or a file could not be read);
2 bad options or DIR is not a bundle.

Examples:
  sdh validate ./out/snapshot-42
  sdh validate ./edited --format csv --as-of 2026-01-06 --json > report.json`;
