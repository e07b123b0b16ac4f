import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSnapshotId, writeBundle } from "@sdh/exporters";
import { testS3Client, testServices } from "@sdh/infra/testing";
import { parseSnapshotConfig } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { publishSnapshot, S3Store } from "../src/index.js";

// The consumer guide's pyarrow recipe, run as written against the real gateway: find the latest
// snapshot through latest.json and read a Parquet file straight from S3.
const cache = process.env.SDH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sdh");
const python = process.env.SDH_PYTHON ?? join(cache, "pyarrow-26.0.1", "bin", "python");

const RECIPE = `
import json, sys
import pyarrow.fs as fs
import pyarrow.parquet as pq
endpoint, key, secret, region, root = sys.argv[1:6]
s3 = fs.S3FileSystem(endpoint_override=endpoint, access_key=key, secret_key=secret, region=region, scheme="http")
latest = json.loads(s3.open_input_file(f"{root}/v0.9/latest.json").read())
table = pq.read_table(f"{root}/v0.9/{latest['snapshotId']}/vehicles_v0_9.parquet", filesystem=s3)
print(json.dumps({"snapshotId": latest["snapshotId"], "rows": table.num_rows, "model_year": str(table.schema.field("model_year").type)}))
`;

describe("reading a published snapshot from S3 with pyarrow", () => {
  it("finds latest.json and reads the Parquet file with its types", async () => {
    expect(existsSync(python), `pyarrow's python at ${python}: run \`bash scripts/test.sh\` (it installs it) or set SDH_PYTHON`).toBe(true);
    const s = testServices();
    const prefix = `pyarrow-${process.pid}`;
    const config = parseSnapshotConfig({ records: 70, seed: 62 });
    const out = join(mkdtempSync(join(tmpdir(), "sdh-pyarrow-s3-")), "bundle");
    const { manifest } = await writeBundle({ config, snapshotId: defaultSnapshotId(config), out });
    await publishSnapshot(out, new S3Store(testS3Client(s), s.bucket, prefix, s.s3Endpoint));
    const run = spawnSync(python, ["-c", RECIPE, s.s3Endpoint, s.accessKeyId, s.secretAccessKey, s.region, `${s.bucket}/${prefix}`], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ snapshotId: manifest.snapshotId, rows: manifest.counts.vehicles, model_year: "int32" });
  });
});
