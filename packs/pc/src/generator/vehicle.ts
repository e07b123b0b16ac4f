import { pcSettings } from "../settings.js";
import type { SnapshotConfig } from "@sdh/schemas";
import type { LobType, Person, Vehicle } from "../schemas/index.js";
import { compileTemplate, createPermutation, createRecordStreams, mix32, parseIsoDate, pickWeighted, type Random, templateSpace, uuidFrom, weighted, type WeightedTable, wholeYearsTo, ZIPS_BY_STATE } from "@sdh/rules";
import { createBigFleets, type BigFleets } from "./big-fleets.js";
import { createPersonSlots, type PersonSlots } from "./person-slots.js";
import { ARCHETYPE_SIZES, SMALL_FLEET_MAX } from "./reference/fleet-sizes.js";
import { ARCHETYPE_BY_NAICS, BUSINESS_ARCHETYPES, type BusinessArchetype } from "./reference/business.js";
import { COMMERCIAL_USAGE, MAX_VEHICLE_AGE, MILEAGE_BY_GVWR, USAGE_MILEAGE_FACTOR, US_SALES_MILLIONS, milesForDriverAge, nextModelYearOnSale, ownershipFor, personalUsageFor, survival } from "./reference/distributions.js";
import { APPORTIONED_PLATE_TEMPLATE, STATES_BY_CODE, SYNTHETIC_PLATE_TEMPLATE } from "./reference/states.js";
import { VEHICLE_CATALOG, type CatalogModel, type VinStem } from "./reference/vehicle-catalog.js";
import { VIN_SERIALS, composeVin, modelYearCode, vinPartialSum } from "./vin.js";

export interface VehicleRule {
  /**
   * The vehicles of household `i`, in order, each owned by one of its `members` (the head first): a
   * pure function of (seed, i, members, config).
   */
  vehiclesOf(members: readonly Person[], i: number): Vehicle[];
}

/**
 * Who owns each of a personal household's `count` vehicles: the head the first, a spouse or partner the
 * second, each child of driving age one of the next (their own car), and the couple the rest, in turn.
 */
export function ownersOf(members: readonly Person[], count: number): Person[] {
  const head = members[0]!;
  const spouse = members[1]?.household_role === "spouse" ? members[1] : null;
  const children = members.filter((m) => m.household_role === "child");
  const owners: Person[] = [];
  for (let k = 0; k < count; k++) {
    if (k === 0) owners.push(head);
    else if (k === 1) owners.push(spouse ?? head);
    else if (k - 2 < children.length) owners.push(children[k - 2]!);
    else owners.push(spouse && (k - children.length) % 2 === 1 ? spouse : head);
  }
  return owners;
}

/** Share of personal vehicles kept away from home (a student's car at college, a second home; a rule). */
const PERSONAL_GARAGED_AWAY = 0.03;
/** Share of commercial vehicles kept at a yard in another ZIP of the state (a rule). */
const COMMERCIAL_GARAGED_AWAY = 0.25;
const CATALOG_YEARS = VEHICLE_CATALOG.flatMap((m) => [...m.years.keys()]);
export const CATALOG_FIRST_YEAR = Math.min(...CATALOG_YEARS);
export const CATALOG_LAST_YEAR = Math.max(...CATALOG_YEARS);

/**
 * Model years by age at asOf: sales of that year × the share still on the road (distributions.ts),
 * plus next year's models once they are on sale. Years outside the catalogue are left out.
 */
export function modelYearTable(asOf: string): WeightedTable<number> {
  const { year, month } = parseIsoDate(asOf);
  const entries: Array<readonly [number, number]> = [];
  const salesOf = (y: number) => US_SALES_MILLIONS[y] ?? US_SALES_MILLIONS[Math.min(Math.max(y, 1981), 2025)]!;
  const nextYear = year + 1;
  if (nextYear <= CATALOG_LAST_YEAR) entries.push([nextYear, salesOf(nextYear) * survival(0) * nextModelYearOnSale(month)]);
  for (let age = 0; age <= MAX_VEHICLE_AGE; age++) {
    const y = year - age;
    if (y >= CATALOG_FIRST_YEAR && y <= CATALOG_LAST_YEAR) entries.push([y, salesOf(y) * survival(age)]);
  }
  // An asOf past the catalogue's newest year: its newest years stand in (documented in the README).
  if (entries.every(([, w]) => w === 0)) entries.push([CATALOG_LAST_YEAR, 1]);
  return weighted(entries.filter(([, w]) => w > 0));
}

/** Spread around a mean like odometer readings do: a log-normal draw (σ ≈ 0.45) in whole miles. */
function milesAround(r: Random, mean: number): number {
  const normal = (r.next() + r.next() + r.next() + r.next() - 2) * Math.sqrt(3);
  return Math.max(250, Math.min(150_000, Math.round(mean * Math.exp(0.45 * normal - 0.1))));
}

/**
 * Model years with fewer VIN stems than this are not drawn (61 of 4,189 in the catalogue): the stems
 * of a model year are what keeps VINs unique past 3.3M keys (below).
 */
const MIN_STEMS_PER_YEAR = 5;
/** Vehicles per household whose VIN key comes straight from the household's slot: a small fleet's at most. */
const SERIAL_STRIDE = SMALL_FLEET_MAX;


/** `slots` and `bigFleets` may be shared with the person rule (createGenerator does), so each is computed once. */
export function createVehicleRule(
  config: SnapshotConfig,
  slots: PersonSlots = createPersonSlots(config.records, config.seed),
  bigFleets: BigFleets = createBigFleets(config),
): VehicleRule {
  const serials = createPermutation(VIN_SERIALS, config.seed ^ 0x5e71);
  // VIN tails (stem and serial) from a key per vehicle, dense so that VINs are unique by construction.
  // Vehicle k < 8 of the household in `slot` has the key slot × 8 + k; a big fleet's vehicles from the 9th
  // on are numbered after all big fleets ranked before it (big-fleets.ts), so their keys are dense too.
  // A key's remainder by VIN_SERIALS is the serial (after a keyed permutation, so serials look random);
  // its quotient q picks among the model year's stems — the first keys' quotients one range, the big
  // fleets' the next — so two vehicles of one model year share a VIN only if their keys are equal.
  // That holds while ⌈records × 8 / 3.3M⌉ + ⌈big-fleet vehicles / 3.3M⌉ ≤ the year's stems (at least 5:
  // about 1.6M households; 3.7M where a year has 10); past it quotients wrap, and the gate's UNIQUE_VIN
  // checks what remains.
  const denseQuotients = Math.ceil((SERIAL_STRIDE * config.records) / VIN_SERIALS);
  const vinTail = (key: number, big: boolean, stems: readonly VinStem[], shift: number): { stem: VinStem; serial: number } => {
    let q = Math.floor(key / VIN_SERIALS);
    const index = key - q * VIN_SERIALS;
    if (big) q += denseQuotients;
    q += shift;
    const n = serials(index);
    // The stem follows the serial (a hash of it), so a model year's trims are all drawn.
    const stem = stems[(mix32(index) + q) % stems.length]!;
    return { stem, serial: n };
  };
  // Year codes and their check-digit terms (position 10, weight 9), by model year.
  const yearCodes = new Map<number, { code: string; sum: number }>();
  const yearCodeOf = (year: number) => {
    let entry = yearCodes.get(year);
    if (!entry) {
      const code = modelYearCode(year);
      entry = { code, sum: vinPartialSum(code, 9) };
      yearCodes.set(year, entry);
    }
    return entry;
  };
  const asOf = parseIsoDate(config.asOf);
  const yearsSince = wholeYearsTo(config.asOf);
  const personalCounts = weighted(pcSettings(config).vehiclesPerPerson.personal.map((w, k) => [k, w] as const));
  const streams = createRecordStreams(config.seed, "vehicles");
  const years = modelYearTable(config.asOf);
  const synthetic = pcSettings(config).identifiers === "synthetic";

  // Models on offer per (line or archetype, model year), built when first asked for; indexed by
  // position (personal lines, then each archetype) and year, as this is asked once per vehicle.
  const yearsSpanned = CATALOG_LAST_YEAR - CATALOG_FIRST_YEAR + 1;
  type Offer = { model: CatalogModel; stems: readonly VinStem[] };
  const modelTables: Array<WeightedTable<Offer> | null | undefined> = new Array((BUSINESS_ARCHETYPES.items.length + 2) * yearsSpanned);
  const modelsFor = (line: LobType, archetype: BusinessArchetype | null, year: number) => {
    const group = archetype ? 2 + BUSINESS_ARCHETYPES.items.indexOf(archetype) : line === "personal" ? 0 : 1;
    const key = group * yearsSpanned + (year - CATALOG_FIRST_YEAR);
    let table = modelTables[key];
    if (table === undefined) {
      const models = VEHICLE_CATALOG.filter(
        (m) => (m.years.get(year)?.length ?? 0) >= MIN_STEMS_PER_YEAR && m.lines.includes(line) && (!archetype || archetype.bodies.has(m.body)),
      );
      table = models.length ? weighted(models.map((m) => [{ model: m, stems: m.years.get(year)! }, m.weight] as const)) : null;
      modelTables[key] = table;
    }
    return table;
  };
  const modelFor = (r: Random, line: LobType, archetype: BusinessArchetype | null): { offer: Offer; year: number } => {
    const year = pickWeighted(r, years);
    // A year in which this line or archetype sells nothing (a tractor in 1984): the nearest newer year that does.
    for (let y = year; y <= CATALOG_LAST_YEAR; y++) {
      const table = modelsFor(line, archetype, y);
      if (table) return { offer: pickWeighted(r, table), year: y };
    }
    return { offer: pickWeighted(r, modelsFor(line, null, CATALOG_LAST_YEAR)!), year: CATALOG_LAST_YEAR };
  };

  // Plates: a keyed permutation of the vehicle's plate key within the plate format's space. The key is
  // the VIN key's dense numbering (vehicle k < 8 of the household in `slot`: slot × 8 + k; a big fleet's
  // later vehicles after every slot's, by the fleet's offset), so no two vehicles of a state share a plate
  // while the book's keys fit the format's space (apportioned plates, AP + 6 digits: 1,000,000 keys, about
  // 120,000 households; a state's passenger format: tens of millions). Past it the gate warns (UNIQUE_PLATE).
  const plates = new Map<string, { space: number; permute: (n: number) => number; format: (n: number) => string }>();
  const plateFor = (template: string, plateKey: number): string => {
    let p = plates.get(template);
    if (!p) {
      const space = templateSpace(template);
      p = { space, permute: createPermutation(space, config.seed ^ 0x9a7e), format: compileTemplate(template) };
      plates.set(template, p);
    }
    return p.format(p.permute(plateKey % p.space));
  };

  return {
    vehiclesOf(members: readonly Person[], i: number): Vehicle[] {
      const r = streams.at(i);
      const head = members[0]!;
      const commercial = head.lob_type === "commercial";
      const headAge = yearsSince(head.date_of_birth);
      const archetype = commercial ? (ARCHETYPE_BY_NAICS.get(head.naics_code ?? "") ?? null) : null;
      if (commercial && !archetype) throw new Error(`household ${i} is a commercial account without a known business archetype (naics ${head.naics_code})`);
      const { slot } = slots.slotOf(i);
      const bigFleet = commercial ? bigFleets.ofSlot(slot) : null;
      let count: number;
      if (bigFleet) {
        count = SMALL_FLEET_MAX + bigFleet.extra;
      } else if (archetype) {
        const small = ARCHETYPE_SIZES.get(archetype)!.small;
        count = head.fleet_role === "driver" || !small ? 1 : pickWeighted(r, small);
      } else {
        count = pickWeighted(r, personalCounts);
      }
      const state = STATES_BY_CODE.get(head.state);
      if (!state) throw new Error(`household ${i} lives in ${head.state}, a state without reference data`);
      const vehicles: Vehicle[] = [];
      // A household of one (and every commercial account) owns all through its head: no list to build.
      const owners = commercial || members.length === 1 ? null : ownersOf(members, count);
      for (let k = 0; k < count; k++) {
        const owner = owners ? owners[k]! : head;
        const age = owner === head ? headAge : yearsSince(owner.date_of_birth);
        const { offer, year: model_year } = modelFor(r, head.lob_type, archetype);
        const model = offer.model;
        // A personal config may allow more than 8 vehicles a household: those past the 8th reuse the
        // household's keys and shift the stem, outside the construction's guarantee (the gate checks).
        const big = k >= SERIAL_STRIDE && bigFleet !== null;
        const key = big ? bigFleet!.offset + (k - SERIAL_STRIDE) : slot * SERIAL_STRIDE + (k % SERIAL_STRIDE);
        const { stem, serial } = vinTail(key, big, offer.stems, Math.floor(k / SERIAL_STRIDE) * (big ? 0 : 1));
        const yearCode = yearCodeOf(model_year);
        const vin = composeVin(stem.prefix, stem.checkSum + yearCode.sum, yearCode.code, stem.plant, serial);
        const vehicleAge = Math.max(0, asOf.year - model_year);
        const usage = archetype ? pickWeighted(r, COMMERCIAL_USAGE) : pickWeighted(r, personalUsageFor(age));
        const gvwr_class = archetype ? stem.gvwr : null;
        const heavy = gvwr_class ? MILEAGE_BY_GVWR[gvwr_class] : undefined;
        // Older vehicles are driven less: 2% fewer miles a year of age, down to half.
        const mean = heavy ? heavy[0] : milesForDriverAge(age) * USAGE_MILEAGE_FACTOR[usage] * Math.max(0.5, 1 - 0.02 * vehicleAge);
        const ownership = age < 18 ? "owned" : pickWeighted(r, ownershipFor(vehicleAge));
        const apportioned = !!archetype?.usdot && (gvwr_class === "7" || gvwr_class === "8");
        const plate_type = apportioned ? "apportioned" : archetype ? "commercial" : "passenger";
        const plateTemplate = synthetic ? SYNTHETIC_PLATE_TEMPLATE : apportioned ? APPORTIONED_PLATE_TEMPLATE : state.plateTemplate;
        const away = r.next() < (archetype ? COMMERCIAL_GARAGED_AWAY : PERSONAL_GARAGED_AWAY);
        vehicles.push({
          vehicle_id: uuidFrom(r),
          household_id: head.household_id,
          person_id: owner.person_id,
          vin,
          make: model.make,
          model: model.model,
          model_year,
          trim: stem.trim,
          fuel_type: stem.fuel,
          body_type: model.body,
          usage,
          gvwr_class,
          plate: plateFor(plateTemplate, big ? SERIAL_STRIDE * config.records + key : key),
          plate_type,
          registration_state: state.code,
          annual_mileage: milesAround(r, mean),
          garaging_postal_code: away ? pickWeighted(r, ZIPS_BY_STATE.get(state.code)!).zip : head.postal_code,
          ownership,
          lob_type: head.lob_type,
        });
      }
      return vehicles;
    },
  };
}
