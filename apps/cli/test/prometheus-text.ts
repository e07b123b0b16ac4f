// Reads Prometheus text the way a scraper does: with Prometheus's own Python client parser
// (prometheus_client, installed by scripts/lib.sh sdh_install_pyarrow into the cache's venv).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const cache = process.env.SDH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sdh");
const python = process.env.SDH_PYTHON ?? join(cache, "pyarrow-26.0.1", "bin", "python");

// The parser raises on anything malformed; a family's type and each sample's labels come out as parsed.
const SCRIPT = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families
families = []
for family in text_string_to_metric_families(sys.stdin.read()):
    families.append({"name": family.name, "type": family.type, "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples]})
print(json.dumps(families))
`;

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: string;
  samples: Sample[];
}

/** The families in an exposition text; throws with the parser's message when the text is not valid. */
export function parsePrometheusText(text: string): MetricFamily[] {
  if (!existsSync(python)) throw new Error(`prometheus_client's python at ${python}: run \`bash scripts/test.sh\` (it installs it) or set SDH_PYTHON`);
  const run = spawnSync(python, ["-c", SCRIPT], { input: text, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the Prometheus parser refused the text: ${run.stderr}`);
  return JSON.parse(run.stdout) as MetricFamily[];
}

/** The value of the sample `name` whose labels include `labels` (undefined when there is none). */
export function sampleValue(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  for (const family of families) {
    for (const s of family.samples) if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
  }
  return undefined;
}
