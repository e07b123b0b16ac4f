import { parseSnapshotConfig } from "@sdh/schemas";
import { createGenerator } from "../src/index.ts";
const t0 = performance.now();
const g = createGenerator(parseSnapshotConfig({ records: 20000, seed: 42 }));
const t1 = performance.now();
let v = 0; let ages = 0; const out = [];
for (const b of g.range(0, 20000)) { v += b.vehicles.length; for (const x of b.vehicles) ages += 2026 - x.model_year; if (b.index < 3 || (b.person.lob_type === "commercial" && out.length < 5)) out.push(b); }
const t2 = performance.now();
console.log("load ms", (t1 - t0).toFixed(0), "gen ms", (t2 - t1).toFixed(0), "vehicles", v, "mean age", (ages / v).toFixed(2), "rss MB", (process.memoryUsage().rss / 1e6).toFixed(0));
console.log(JSON.stringify(out.slice(0, 4).map(b => ({ p: b.person, v: b.vehicles.slice(0, 2) })), null, 1).slice(0, 5000));
