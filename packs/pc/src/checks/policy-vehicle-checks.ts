import type { Checked } from "@sdh/validation";
import { fieldOk } from "@sdh/validation";
import { LOB_CODE, type ChecksContext } from "./person-index.js";

function policyVehicleExample(position: number, v: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, policy_vehicle_id: v.policy_vehicle_id, ...fields };
}

/** The policy-vehicle rules beyond the declaration's (schema, key unique, policy, vehicle and principal driver exist). */
export function createPolicyVehicleChecks({ report, policies, drivers, vehicles, policyVehicles }: ChecksContext) {
  return function checkPolicyVehicle(v: Record<string, unknown>, position: number, { invalid, ordinal, refs }: Checked): void {
    const policy = refs[0]!;
    const vehicle = refs[1]!;
    const principal = refs[2]!;
    const flags = vehicle >= 0 ? vehicles.flags.values[vehicle]! : 0;
    if (ordinal >= 0) {
      policyVehicles.size = Math.max(policyVehicles.size, ordinal + 1);
      policyVehicles.policy.at(ordinal)[ordinal] = policy;
      policyVehicles.position.at(ordinal)[ordinal] = position;
      policyVehicles.flags.at(ordinal)[ordinal] = flags;
      policyVehicles.coverages.at(ordinal);
      policyVehicles.vehicle.at(ordinal)[ordinal] = vehicle;
    }
    if (policy >= 0) policies.flags.values[policy]! |= flags;
    if (policy >= 0) {
      policies.vehicles.values[policy]!++;
      if (fieldOk(invalid, "premium")) policies.premium.values[policy]! += Math.round((v.premium as number) * 100);
    }
    if (vehicle >= 0) {
      const insured = vehicles.insured.at(vehicle);
      if (insured[vehicle] === 1) report.fail("UNIQUE_POLICY_VEHICLE", policyVehicleExample(position, v, { vehicle_id: v.vehicle_id }));
      insured[vehicle] = 1;
    }
    if (policy < 0) return;
    const household = policies.household.values[policy]!;
    // A vehicle without a household is REF_VEHICLE_HOUSEHOLD_MISSING's to report.
    if (vehicle >= 0 && household >= 0 && vehicles.household.values[vehicle]! >= 0 && vehicles.household.values[vehicle] !== household) {
      report.fail("DOMAIN_POLICY_VEHICLE_HOUSEHOLD", policyVehicleExample(position, v, { policy_id: v.policy_id, vehicle_id: v.vehicle_id }));
    }
    const lob = policies.lob.values[policy];
    if (lob === 255 || !fieldOk(invalid, "principal_driver_id")) return;
    const named = v.principal_driver_id !== null;
    // A named driver the engine could not find is REF_POLICY_VEHICLE_DRIVER_MISSING's to report.
    const wrong = lob === LOB_CODE.commercial ? named : !named || (principal >= 0 && (drivers.policy.values[principal] !== policy || drivers.listed.values[principal] !== 1));
    if (wrong) report.fail("DOMAIN_POLICY_VEHICLE_PRINCIPAL", policyVehicleExample(position, v, { policy_id: v.policy_id, principal_driver_id: v.principal_driver_id }));
  };
}
