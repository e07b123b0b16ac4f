import type { BodyType, FuelType, GvwrClass, LobType } from "../../schemas/index.js";
import { readReferenceJson } from "./reference-files.js";
import { vinPartialSum } from "../vin.js";
import { FUEL_BY_CODE, USUAL_GVWR_BY_BODY } from "./vehicle-codes.js";

/**
 * The vehicle catalogue: models sold in the US, the model years vPIC decodes them in, and for each
 * year a few VIN stems taken from vPIC's patterns (built by reference-build/build-vehicles.ts; the
 * pack README names the source). A stem is VIN positions 1-8 plus the plant code (position 11);
 * the generator adds the check digit, the year code and a serial.
 */
export interface VehicleCatalogFile {
  source: string;
  models: Array<{
    make: string;
    model: string;
    body: BodyType;
    lines: "P" | "C" | "PC";
    weight: number;
    /** model year → "stem|trim|fuel code|gvwr class" entries */
    years: Record<string, string[]>;
  }>;
}

export interface VinStem {
  /** VIN positions 1-8. */
  prefix: string;
  /** VIN position 11. */
  plant: string;
  /** The check-digit sum of positions 1-8 and 11, computed once: the generator adds the year and serial. */
  checkSum: number;
  trim: string | null;
  fuel: FuelType | null;
  gvwr: GvwrClass;
}

export interface CatalogModel {
  make: string;
  model: string;
  body: BodyType;
  lines: readonly LobType[];
  weight: number;
  /** Model year → its stems; only the years vPIC decodes the model in. */
  years: ReadonlyMap<number, readonly VinStem[]>;
}

function parseStem(entry: string, body: BodyType): VinStem {
  const [stem = "", trim = "", fuel = "", gvwr = ""] = entry.split("|");
  if (stem.length !== 9) throw new Error(`vehicle catalogue: stem '${stem}' is not 9 characters`);
  return {
    prefix: stem.slice(0, 8),
    plant: stem[8]!,
    checkSum: vinPartialSum(stem.slice(0, 8), 0) + vinPartialSum(stem[8]!, 10),
    trim: trim || null,
    fuel: FUEL_BY_CODE[fuel] ?? null,
    gvwr: (gvwr || USUAL_GVWR_BY_BODY[body]) as GvwrClass,
  };
}

/**
 * vPIC leaves the fuel out for some VIN patterns. Such a stem takes the fuel its siblings agree on —
 * the other stems of the model year, else of the model (every Tesla is electric) — and stays null
 * when they do not agree.
 */
function fillFuel(years: Map<number, VinStem[]>): void {
  const agreed = (stems: readonly VinStem[]) => {
    const fuels = new Set(stems.flatMap((s) => (s.fuel ? [s.fuel] : [])));
    return fuels.size === 1 ? [...fuels][0]! : null;
  };
  const model = agreed([...years.values()].flat());
  for (const stems of years.values()) {
    const year = agreed(stems) ?? model;
    for (const stem of stems) if (!stem.fuel) stem.fuel = year;
  }
}

function load(): { source: string; models: readonly CatalogModel[] } {
  const file = readReferenceJson<VehicleCatalogFile>("vehicles.json");
  const models = file.models.map((m) => {
    const years = new Map(Object.entries(m.years).map(([year, stems]) => [Number(year), stems.map((s) => parseStem(s, m.body))] as const));
    fillFuel(years);
    return {
      make: m.make,
      model: m.model,
      body: m.body,
      lines: m.lines === "PC" ? (["personal", "commercial"] as const) : m.lines === "P" ? (["personal"] as const) : (["commercial"] as const),
      weight: m.weight,
      years,
    };
  });
  return { source: file.source, models };
}

const CATALOG = load();
export const VEHICLE_CATALOG: readonly CatalogModel[] = CATALOG.models;
export const VEHICLE_CATALOG_SOURCE = CATALOG.source;
