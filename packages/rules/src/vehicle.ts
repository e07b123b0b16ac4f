import type { Person, SnapshotConfig, Vehicle } from "@sdh/schemas";
import { formatTemplate, templateSpace } from "./id-template.js";
import { createPermutation } from "./permutation.js";
import { createRecordStreams, type Random } from "./random.js";
import {
  COMMERCIAL_USAGE,
  MILEAGE_BY_GVWR,
  MILEAGE_BY_USAGE,
  OWNERSHIP_NEW,
  OWNERSHIP_OLD,
  PERSONAL_USAGE,
  VEHICLE_AGE_YEARS,
} from "./reference/distributions.js";
import { STATES_BY_CODE } from "./reference/states.js";
import { VEHICLE_CATALOG, type CatalogEntry } from "./reference/vehicle-catalog.js";
import { intBetween, pick, pickWeighted, weighted } from "./sampling.js";
import { uuidFrom } from "./uuid.js";
import { VIN_ALPHABET, modelYearCode, withCheckDigit } from "./vin.js";

export interface VehicleRule {
  /** The vehicles of person `i`, in order: a pure function of (seed, i, person, config). */
  vehiclesOf(person: Person, i: number): Vehicle[];
}

const catalogFor = (line: "personal" | "commercial") =>
  weighted(VEHICLE_CATALOG.filter((e) => e.lines.includes(line)).map((e) => [e, e.weight] as const));
const PERSONAL_CATALOG = catalogFor("personal");
const COMMERCIAL_CATALOG = catalogFor("commercial");

/** Normal-ish (sum of three uniforms), clamped to [min, max]. */
function spread(r: Random, mean: number, width: number, min: number, max: number): number {
  const x = mean + width * (r.next() + r.next() + r.next() - 1.5);
  return Math.max(min, Math.min(max, Math.round(x / 100) * 100));
}

function vinFor(r: Random, entry: CatalogEntry, modelYear: number): string {
  let vds = "";
  for (let k = 0; k < 5; k++) vds += VIN_ALPHABET[Math.floor(r.next() * VIN_ALPHABET.length)];
  const plant = VIN_ALPHABET[Math.floor(r.next() * VIN_ALPHABET.length)];
  const serial = String(intBetween(r, 0, 999_999)).padStart(6, "0");
  return withCheckDigit(`${pick(r, entry.wmi)}${vds}0${modelYearCode(modelYear)}${plant}${serial}`);
}

export function createVehicleRule(config: SnapshotConfig): VehicleRule {
  const asOfYear = Number(config.asOf.slice(0, 4));
  const counts = {
    personal: weighted(config.vehiclesPerPerson.personal.map((w, k) => [k, w] as const)),
    commercial: weighted(config.vehiclesPerPerson.commercial.map((w, k) => [k, w] as const)),
  };
  const streams = createRecordStreams(config.seed, "vehicles");
  const maxVehicles = Math.max(config.vehiclesPerPerson.personal.length, config.vehiclesPerPerson.commercial.length);
  // Plates: a keyed permutation of (ordinal, person) within the plate format's space, unique per state
  // as long as records × max vehicles fits the space (121M for the common ^^^#### format).
  const plates = new Map<string, { space: number; permute: (n: number) => number }>();
  const plateFor = (template: string, i: number, k: number): string => {
    let p = plates.get(template);
    if (!p) {
      const space = templateSpace(template);
      p = { space, permute: createPermutation(space, config.seed ^ 0x9a7e) };
      plates.set(template, p);
    }
    const key = (k * config.records + i) % p.space;
    return formatTemplate(template, p.permute(key));
  };

  const modelYearFor = (r: Random, entry: CatalogEntry): number => {
    const newest = Math.min(entry.lastYear ?? asOfYear + 1, asOfYear + 1);
    const oldest = Math.max(entry.firstYear, 1981);
    const year = asOfYear - pickWeighted(r, VEHICLE_AGE_YEARS);
    return Math.max(oldest, Math.min(newest, year));
  };

  return {
    vehiclesOf(person: Person, i: number): Vehicle[] {
      const r = streams.at(i);
      const commercial = person.lob_type === "commercial";
      const count = pickWeighted(r, commercial ? counts.commercial : counts.personal);
      const state = STATES_BY_CODE.get(person.state);
      if (!state) throw new Error(`person ${i} lives in ${person.state}, a state without reference data`);
      const vehicles: Vehicle[] = [];
      for (let k = 0; k < count && k < maxVehicles; k++) {
        const entry = pickWeighted(r, commercial ? COMMERCIAL_CATALOG : PERSONAL_CATALOG);
        const model_year = modelYearFor(r, entry);
        const usage = pickWeighted(r, commercial ? COMMERCIAL_USAGE : PERSONAL_USAGE);
        const gvwr_class = commercial ? pick(r, entry.gvwr) : null;
        const [mean, width] = (gvwr_class && MILEAGE_BY_GVWR[gvwr_class]) || MILEAGE_BY_USAGE[usage];
        const ownership = pickWeighted(r, asOfYear - model_year <= 3 ? OWNERSHIP_NEW : OWNERSHIP_OLD);
        vehicles.push({
          vehicle_id: uuidFrom(r),
          person_id: person.person_id,
          vin: vinFor(r, entry, model_year),
          make: entry.make,
          model: entry.model,
          model_year,
          body_type: entry.body,
          usage,
          gvwr_class,
          plate: plateFor(state.plateTemplate, i, k),
          registration_state: state.code,
          annual_mileage: spread(r, mean, width * 2, 500, 150_000),
          garaging_postal_code: person.postal_code,
          ownership,
          lob_type: person.lob_type,
        });
      }
      return vehicles;
    },
  };
}
