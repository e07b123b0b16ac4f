import { parseSnapshotConfig } from "@sdh/schemas";
import { createGenerator, wholeYearsBetweenIso } from "./src/index.js";
const config = parseSnapshotConfig({ records: 50000, seed: 42 });
const g = createGenerator(config);
let personalAnnual = 0, personalN = 0, teenAnnual = 0, teenN = 0;
const bi = new Map<number, number>(); let biN = 0; let personalPol = 0;
let comp = 0, coll = 0, pv = 0, rental = 0, towing = 0, um = 0, pip = 0, medpay = 0;
for (const b of g.range(0, 50000)) {
  const p = b.policies[0]; if (!p || p.lob_type !== "personal") continue;
  personalPol++;
  const driverPerson = new Map(b.drivers.map((d) => [d.driver_id, b.persons.find((x) => x.person_id === d.person_id)!]));
  for (const v of b.policyVehicles) {
    const annual = v.premium * 12 / p.term_months; personalAnnual += annual; personalN++; pv++;
    const who = driverPerson.get(v.principal_driver_id!)!;
    if (wholeYearsBetweenIso(who.date_of_birth, config.asOf) < 20) { teenAnnual += annual; teenN++; }
  }
  for (const c of b.coverages) {
    if (c.coverage_code === "BI") { bi.set(c.limit_per_person!, (bi.get(c.limit_per_person!) ?? 0) + 1); biN++; }
    if (c.coverage_code === "COMP") comp++; if (c.coverage_code === "COLL") coll++;
    if (c.coverage_code === "RENTAL") rental++; if (c.coverage_code === "TOWING") towing++;
    if (c.coverage_code === "UM") um++; if (c.coverage_code === "PIP") pip++; if (c.coverage_code === "MEDPAY") medpay++;
  }
}
console.log({ mean: personalAnnual / personalN, teen: teenAnnual / teenN, ratio: teenAnnual / teenN / (personalAnnual / personalN) });
console.log("BI per person:", [...bi].sort((a, b) => a[0] - b[0]).map(([l, n]) => `${l}: ${(100 * n / personalPol).toFixed(1)}%`).join(", "), `no BI ${(100 * (personalPol - biN) / personalPol).toFixed(1)}%`);
console.log({ comp: comp / pv, coll: coll / pv, rental: rental / pv, towing: towing / pv, um: um / personalPol, pip: pip / personalPol, medpay: medpay / personalPol });
