import { createGenerator } from "./src/index.js";
import { parseSnapshotConfig } from "@sdh/schemas";
const config = parseSnapshotConfig({ records: 50000, seed: 42 });
const g = createGenerator({ ...config });
let pol = 0, cov = 0, pv = 0; const codes = new Map<string, number>(); let personalAnnual = 0, personalN = 0;
const t = Date.now();
for (const b of g.range(0, 50000)) {
  pol += b.policies.length; cov += b.coverages.length; pv += b.policyVehicles.length;
  for (const c of b.coverages) codes.set(c.coverage_code, (codes.get(c.coverage_code) ?? 0) + 1);
  for (const v of b.policyVehicles) { const p = b.policies[0]!; if (p.lob_type === "personal") { personalAnnual += v.premium * 12 / p.term_months; personalN++; } }
}
console.log({ ms: Date.now() - t, pol, pv, cov, perPolicy: cov / pol, meanPersonal: personalAnnual / personalN });
console.log([...codes].map(([c, n]) => `${c} ${(n / pol).toFixed(3)}/policy ${(n / pv).toFixed(3)}/veh`).join("\n"));
