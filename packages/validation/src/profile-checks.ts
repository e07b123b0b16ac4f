import { fnv1a, FNV_OFFSET } from "./fnv.js";
import type { ChecksContext } from "./person-index.js";
import { compileSchemaCheck, fieldOk } from "./schema-check.js";

/** Examples are built only when a rule fails: the clean path allocates nothing per record. */
function profileExample(position: number, p: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, profile_id: p.profile_id, person_id: p.person_id, ...fields };
}

export function createProfileChecks({ report, index, keys }: ChecksContext) {
  const schema = compileSchemaCheck("profiles");
  const profileIds = keys.UNIQUE_PROFILE_ID;

  return function checkProfile(record: unknown, position: number): void {
    const invalid = schema.invalidFields(record);
    const p = (record ?? {}) as Record<string, unknown>;

    if (invalid.length > 0) report.failLazy("SCHEMA_PROFILE_INVALID", () => ({ record: position, profile_id: p.profile_id, problems: schema.explain(record) }));
    if (typeof p.profile_id === "string" && profileIds.add(p.profile_id) < 0) report.fail("UNIQUE_PROFILE_ID", profileExample(position, p, {}));

    const person = typeof p.person_id === "string" ? index.ids.find(p.person_id) : -1;
    if (person < 0) {
      if (fieldOk(invalid, "person_id")) report.fail("REF_PROFILE_PERSON_MISSING", profileExample(position, p, {}));
      return;
    }
    if (index.profiles[person]! > 0) {
      report.fail("REF_PROFILE_DUPLICATE", profileExample(position, p, {}));
      return;
    }
    index.profiles[person] = 1;

    const vehicles = index.vehicleCount[person]!;
    if (fieldOk(invalid, "vehicle_count") && p.vehicle_count !== vehicles) report.fail("REF_PROFILE_VEHICLE_COUNT", profileExample(position, p, { vehicle_count: p.vehicle_count, vehicles }));
    if (fieldOk(invalid, "vehicle_summary") && fnv1a(FNV_OFFSET, (p.vehicle_summary ?? "") as string) !== index.summaryHash[person]) {
      report.fail("REF_PROFILE_VEHICLE_SUMMARY", profileExample(position, p, { vehicle_summary: p.vehicle_summary }));
    }
    if (fieldOk(invalid, "primary_vehicle_id")) {
      const primary = p.primary_vehicle_id as string | null;
      const agrees = primary === null ? vehicles === 0 : vehicles > 0 && fnv1a(FNV_OFFSET, primary) === index.primaryIdHash[person];
      if (!agrees) report.fail("REF_PROFILE_PRIMARY_VEHICLE", profileExample(position, p, { primary_vehicle_id: primary }));
    }
    const personLob = index.lobOf(person);
    if (fieldOk(invalid, "lob_type") && personLob !== null && p.lob_type !== personLob) {
      report.fail("DOMAIN_LOB_MISMATCH", profileExample(position, p, { lob_type: p.lob_type, person_lob_type: personLob }));
    }
  };
}
