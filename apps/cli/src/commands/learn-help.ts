import { SAMPLE_LIMITS } from "@sdh/learn/limits";

export const learnHelp = `sdh learn FILE... --out RECIPE — learn a recipe from sample tables (mimic), never carrying their rows

Each FILE is one table (.csv, .tsv, .json, .jsonl, .ndjson or .parquet; at most ${SAMPLE_LIMITS.rows.toLocaleString("en-US")} rows and
${SAMPLE_LIMITS.columns} columns); the entity is named after the file's stem, the fields after its columns (snake_case).
learn finds each column's type, null rate and distribution (categories' shares, quantiles of numbers
and dates), what the values are (emails, phones, names, ZIP codes, codes with a shape, free text),
how the numbers, dates, flags and categories of a table move together (a Gaussian copula), each
table's key, and which table each table hangs from (a column whose values are all another table's
keys) with how many children a parent row has, and other references the tree can serve (a line's
ship_to that names its own customer's address). It writes a commented recipe you can edit and run:
sdh generate --recipe RECIPE --records N (or --scale F: F times the sample's size).

Privacy: no sample row is carried. A category's value is carried only if --k rows or more hold it;
numbers and dates are quantiles between the 0.5th and 99.5th percentiles, at most one per k rows;
names, contacts, addresses, identifiers and free text are synthesized by type, never copied. A column
of short labels too varied to be a category (product, airport or car names) keeps the labels --k rows
hold, and its other values become phrases of the words --k rows hold, in the column's numbers of words.

Report: the sample's root rows are split 80/20 (children go with their parent); a recipe learned from
the 80 generates as many records, which are scored against it per column (1 - KS statistic, 1 - total
variation distance) and per pair of columns (correlation and contingency similarity), as SDMetrics'
quality report does; and, beside the 20 it never saw, for generated rows identical to a training row
and the distance to the closest training row. The recipe keeps what was measured (learned:), which
the quality summary of every snapshot built from it and the catalog's page show.

Augment: --augment DIR also writes each sample table into DIR (same name, same format) with its rows
first and then synthetic ones from the recipe: --records root rows (default as many as the sample's),
their children with them. Keys continue the sample's (1001 after 1000, ORD-0451 after ORD-0450), so
none collides, and every synthetic child refers to a synthetic parent.

Options:
  --out RECIPE     where to write the recipe (YAML); an existing file is kept unless --force
  --k N            a category's value is carried only if at least N rows hold it (default 5, at least 2)
  --name NAME      the recipe's name (lowercase letters, digits, '-'; default learned-<root table>)
  --report FILE    also write the fidelity and privacy report as JSON
  --no-report      skip the report (learning alone)
  --force          replace RECIPE if it exists
  --augment DIR    also write the sample's tables plus synthetic rows into DIR (a new or empty folder)
  --records N      with --augment: synthetic root rows to add (default: as many as the sample has)
  --seed S         with --augment: the seed of the synthetic rows (default 42)

Exit codes: 0 the recipe was written; 2 bad options, or a sample that cannot be read or learned from
(what was wrong is printed; nothing is written).

Examples:
  sdh learn customers.csv orders.csv order_lines.parquet --out shop.yaml
  sdh generate --recipe shop.yaml --scale 10 --out ./out/shop
  sdh learn patients.jsonl --out patients.yaml --k 10 --report learn-report.json
  sdh learn customers.csv orders.csv --out shop.yaml --augment ./augmented --records 5000`;
