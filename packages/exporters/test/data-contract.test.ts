import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { BUNDLE_FILES, validateBundle } from "@sdh/exporters";
import { GENERATOR } from "@sdh/pack-pc";
import { SCHEMA_VERSION, type Manifest } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { buildBundle } from "./bundle-helpers.js";
import { PC_ENTITIES } from "./pc-entities.js";

// Issue 16.12–14: the data contract as readers keep it — real readers (coreutils' sha256sum,
// frictionless, jsonschema, DuckDB), not our own code reading our own files back.
const cache = process.env.SDH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sdh");
const python = process.env.SDH_PYTHON ?? join(cache, "pyarrow-26.0.1", "bin", "python");

const READ_PACKAGE = `
import json, sys
from frictionless import Package
package = Package(sys.argv[1] + "/datapackage.json")
report = package.validate()
persons = package.get_resource("persons").read_rows()
profiles = package.get_resource("profiles").read_rows()
persons_jsonl = package.get_resource("persons-jsonl").read_rows()
print(json.dumps({
  "valid": report.valid,
  "errors": [e.message for t in report.tasks for e in t.errors][:3],
  "postal_code": type(persons[0]["postal_code"]).__name__,
  "date_of_birth": type(persons[0]["date_of_birth"]).__name__,
  "jsonl_date_of_birth": type(persons_jsonl[0]["date_of_birth"]).__name__,
  "no_vehicle_summaries": sorted({repr(r["vehicle_summary"]) for r in profiles if r["vehicle_count"] == 0}),
  "resources": sorted({r.format for r in package.resources}),
}))
`;

const CHECK_SCHEMAS = `
import json, sys
from jsonschema import Draft202012Validator
folder = sys.argv[1]
load = lambda path: json.load(open(f"{folder}/{path}"))
Draft202012Validator(load("schemas/manifest.schema.json")).validate(load("snapshot_manifest_v0_9.json"))
latest = {"snapshotId": "x1", "asOf": "2026-01-06", "generatedAt": "2026-01-06T00:00:00.000Z", "manifest": "v0.9/x1/snapshot_manifest_v0_9.json"}
Draft202012Validator(load("schemas/latest.schema.json")).validate(latest)
print(json.dumps({name: [load(f"schemas/{name}.schema.json")[k] for k in ("$id", "title")] for name in ("persons", "manifest", "latest")}))
`;

/** Sets one column of a CSV file's first record; returns what puts the file back as it was. */
function setFirstRowCell(path: string, column: string, value: string): () => void {
  const text = readFileSync(path, "utf8");
  const [header, first, ...rest] = text.split("\r\n");
  const cells = first!.split(",");
  cells[header!.split(",").indexOf(column)] = value;
  writeFileSync(path, [header, cells.join(","), ...rest].join("\r\n"));
  return () => writeFileSync(path, text);
}

describe("the data contract, as readers see it", () => {
  it("ships SHA256SUMS that `sha256sum -c` checks, covering every file but the manifest", async () => {
    const { out, manifest } = await buildBundle({ records: 60 });
    const run = spawnSync("sha256sum", ["-c", BUNDLE_FILES.checksums], { cwd: out, encoding: "utf8" });
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const checked = run.stdout.trim().split("\n").map((l) => l.replace(/: OK$/, ""));
    expect(checked.sort()).toEqual(manifest.files.map((f) => f.path).filter((p) => p !== BUNDLE_FILES.checksums).sort());
    writeFileSync(join(out, "persons_v0_9.csv"), "changed");
    expect(spawnSync("sha256sum", ["--quiet", "-c", BUNDLE_FILES.checksums], { cwd: out, encoding: "utf8" }).stdout).toContain("persons_v0_9.csv: FAILED");
  });

  it("describes every format in a datapackage.json that frictionless validates and reads with our types, enums included", async () => {
    const { out } = await buildBundle({ records: 120, formats: ["csv", "json", "jsonl", "parquet"] });
    const run = spawnSync(python, ["-c", READ_PACKAGE, out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, errors: [], postal_code: "str", date_of_birth: "date", jsonl_date_of_birth: "date", no_vehicle_summaries: ["None"], resources: ["csv", "json", "jsonl", "parquet"] });
    // The JSON Schemas' enums are the package's constraints: a claim under a coverage no schema knows fails it.
    const restore = setFirstRowCell(join(out, "claims_v0_9.csv"), "coverage_code", "GAP");
    const wrongEnum = JSON.parse(spawnSync(python, ["-c", READ_PACKAGE, out], { encoding: "utf8" }).stdout) as { valid: boolean; errors: string[] };
    expect(wrongEnum.valid).toBe(false);
    expect(wrongEnum.errors.join(" ")).toMatch(/enum/i);
    restore();
    // The keys it declares are checked: a vehicle of no person in the package fails it.
    setFirstRowCell(join(out, "vehicles_v0_9.csv"), "person_id", "00000000-0000-4000-8000-000000000001");
    const broken = JSON.parse(spawnSync(python, ["-c", READ_PACKAGE, out], { encoding: "utf8" }).stdout) as { valid: boolean; errors: string[] };
    expect(broken.valid).toBe(false);
    expect(broken.errors.join(" ")).toMatch(/foreign key/i);
    // Three frictionless validations of a four-format package: about 15 s alone, and four or five times
    // that when the whole suite shares two cores with other work (it timed out at 60 s in such a run).
  }, 150_000);

  it("writes money as DECIMAL(12,2) in Parquet, exact to the cent, the same amounts as CSV and JSON", async () => {
    const { out } = await buildBundle({ records: 80 });
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const types = (await db.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${join(out, "policies_v0_9.parquet")}') WHERE column_name IN ('written_premium', 'vehicle_count')`)).getRows();
    expect(Object.fromEntries(types)).toEqual({ written_premium: "DECIMAL(12,2)", vehicle_count: "INTEGER" });
    const json = (JSON.parse(readFileSync(join(out, "policies_v0_9.json"), "utf8")) as Array<{ written_premium: number }>).map((p) => p.written_premium.toFixed(2));
    const parquet = (await db.runAndReadAll(`SELECT CAST(written_premium AS VARCHAR) FROM '${join(out, "policies_v0_9.parquet")}'`)).getRows().map((r) => String(r[0]));
    expect(parquet).toEqual(json);
  });

  it("says the same thing in every format: a person without vehicles has a null vehicle_summary in CSV, JSON and Parquet", async () => {
    const { out } = await buildBundle({ records: 200 });
    const json = (JSON.parse(readFileSync(join(out, "profiles_v0_9.json"), "utf8")) as Array<{ vehicle_count: number; vehicle_summary: string | null }>).filter((p) => p.vehicle_count === 0);
    expect(json.length).toBeGreaterThan(0);
    expect(new Set(json.map((p) => p.vehicle_summary))).toEqual(new Set([null]));
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const parquet = (await db.runAndReadAll(`SELECT count(*) FILTER (WHERE vehicle_summary IS NULL), count(*) FILTER (WHERE vehicle_summary = '') FROM '${join(out, "profiles_v0_9.parquet")}' WHERE vehicle_count = 0`)).getRows();
    expect(parquet).toEqual([[BigInt(json.length), 0n]]);
    // No empty string anywhere, in any text column: CSV could not tell it from null.
    for (const entity of PC_ENTITIES) {
      const empty = (await db.runAndReadAll(`SELECT count(*) FROM '${join(out, `${entity}_v0_9.json`)}' t WHERE list_contains([v::VARCHAR FOR v IN json_extract(to_json(t), '$.*')], '""')`)).getRows();
      expect(empty, entity).toEqual([[0n]]);
    }
  });

  it("stamps Parquet files with the snapshot id and versions, and gives every schema an $id and title that validate the documents", async () => {
    const { out, manifest } = await buildBundle({ records: 40 });
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const kv = (await db.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata('${join(out, "vehicles_v0_9.parquet")}') ORDER BY 1`)).getRows();
    expect(kv).toEqual([
      ["sdh.entity", "vehicles"],
      ["sdh.generator", `${GENERATOR.name} ${GENERATOR.version}`],
      ["sdh.schema_version", SCHEMA_VERSION],
      ["sdh.snapshot_id", manifest.snapshotId],
    ]);
    const run = spawnSync(python, ["-c", CHECK_SCHEMAS, out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      persons: ["urn:sdh:schema:v0.9:persons", `Person (schema ${SCHEMA_VERSION})`],
      manifest: ["urn:sdh:schema:v0.9:manifest", `Snapshot manifest (schema ${SCHEMA_VERSION})`],
      latest: ["urn:sdh:schema:v0.9:latest", `latest.json: the newest committed snapshot of a schema version (schema ${SCHEMA_VERSION})`],
    });
  });

  it("validates CSV under the documented rule: an empty field is null, so an empty required field fails", async () => {
    const { out } = await buildBundle({ records: 30, formats: ["csv"] });
    setFirstRowCell(join(out, "persons_v0_9.csv"), "first_name", "");
    const { validation } = await validateBundle(out, { formats: ["csv"] });
    expect(validation.rules.find((r) => r.code === "SCHEMA_PERSON_INVALID")?.failures).toBe(1);
    expect((JSON.parse(readFileSync(join(out, BUNDLE_FILES.manifest), "utf8")) as Manifest).files.some((f) => f.path === BUNDLE_FILES.dataPackage)).toBe(true);
  });
});
