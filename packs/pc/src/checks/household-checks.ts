import type { Checked, FailureSink } from "@sdh/validation";
import { fieldOk } from "@sdh/validation";
import { checkDeclared } from "./declared-totals.js";
import { addressHash, ADDRESS_FIELDS, stateCode, type HouseholdIndex } from "./household-index.js";
import { LOB_CODE } from "./person-index.js";

/** Records a household's address, line and counts; the whole-snapshot rules compare them with its persons and vehicles at the end. */
export function createHouseholdChecks(index: HouseholdIndex) {
  return function checkHousehold(h: Record<string, unknown>, position: number, { invalid, ordinal }: Checked): void {
    if (ordinal < 0) return;
    index.size = Math.max(index.size, ordinal + 1);
    index.address.at(ordinal)[ordinal] = ADDRESS_FIELDS.every((f) => fieldOk(invalid, f)) ? addressHash(h) : 0;
    index.position.at(ordinal)[ordinal] = position;
    index.declaredMembers.at(ordinal)[ordinal] = fieldOk(invalid, "member_count") ? (h.member_count as number) : -1;
    index.declaredVehicles.at(ordinal)[ordinal] = fieldOk(invalid, "vehicle_count") ? (h.vehicle_count as number) : -1;
    index.headAge.at(ordinal)[ordinal] = 255;
    // Grown here, once per household, so the person and vehicle checks can count into `.values` directly.
    index.members.at(ordinal);
    index.vehicles.at(ordinal);
    index.heads.at(ordinal);
    index.state.at(ordinal)[ordinal] = fieldOk(invalid, "state") ? stateCode(h.state) : 255;
    index.lob.at(ordinal)[ordinal] = h.lob_type === "personal" || h.lob_type === "commercial" ? LOB_CODE[h.lob_type] : 255;
  };
}

/** The rules that need every record of a household: its counts, and exactly one head. */
export function checkHouseholdTotals(index: HouseholdIndex, report: FailureSink): void {
  const declaredMembers = index.declaredMembers.values;
  const declaredVehicles = index.declaredVehicles.values;
  const members = index.members.values;
  const vehicles = index.vehicles.values;
  const heads = index.heads.values;
  const position = index.position.values;
  for (let h = 0; h < index.size; h++) {
    const record = position[h]!;
    checkDeclared(report, "REF_HOUSEHOLD_MEMBER_COUNT", record, ["member_count", declaredMembers[h]!], ["persons", members[h]!]);
    checkDeclared(report, "REF_HOUSEHOLD_VEHICLE_COUNT", record, ["vehicle_count", declaredVehicles[h]!], ["vehicles", vehicles[h]!]);
    if (heads[h] !== 1) report.fail("DOMAIN_HOUSEHOLD_HEAD", { record, heads: heads[h] });
  }
}
