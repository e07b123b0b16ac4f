import { vinCheckDigit, yearsForCode } from "../generator/index.js";
import type { Checked } from "@sdh/validation";
import { fnv1a, FNV_OFFSET } from "./fnv.js";
import { fieldOk } from "@sdh/validation";
import { plateFits, postalCodeFits, vinDecodes } from "./domain-reference.js";
import type { ChecksContext, PersonIndex } from "./person-index.js";
import { VEHICLE_FLAGS } from "./policy-index.js";

/** Examples are built only when a rule fails: the clean path allocates nothing per record. */
function vehicleExample(position: number, v: Record<string, unknown>, fields: Record<string, unknown>) {
  return { record: position, vehicle_id: v.vehicle_id, ...fields };
}

/** The vehicle rules beyond the declaration's (schema, vehicle_id unique, person_id names a person). */
export function createVehicleChecks({ asOf, report, index, households, vehicles, keys }: ChecksContext) {
  const { UNIQUE_VIN: vins, UNIQUE_PLATE: plates } = keys;
  const newestModelYear = Number(asOf.slice(0, 4)) + 1;

  return function checkVehicle(v: Record<string, unknown>, position: number, { invalid, ordinal, refs }: Checked): void {
    if (fieldOk(invalid, "vin")) {
      const vin = v.vin as string;
      if (vins.add(vin) < 0) report.fail("UNIQUE_VIN", vehicleExample(position, v, { vin }));
      if (vin[8] !== vinCheckDigit(vin)) report.fail("DOMAIN_VIN_CHECK_DIGIT", vehicleExample(position, v, { vin, expected: vinCheckDigit(vin) }));
      if (fieldOk(invalid, "model_year") && !yearsForCode(vin[9]!).includes(v.model_year as number)) {
        report.fail("DOMAIN_VIN_YEAR_CODE", vehicleExample(position, v, { vin, model_year: v.model_year }));
      }
      // A model year past asOf + 1 is DOMAIN_MODEL_YEAR_FUTURE's to report; the catalogue has no patterns for it.
      if (fieldOk(invalid, "make") && fieldOk(invalid, "model") && fieldOk(invalid, "model_year") && (v.model_year as number) <= newestModelYear && !vinDecodes(vin, v.make as string, v.model as string, v.model_year as number)) {
        report.fail("DOMAIN_VIN_DECODES", vehicleExample(position, v, { vin, make: v.make, model: v.model, model_year: v.model_year }));
      }
    }
    if (fieldOk(invalid, "plate") && fieldOk(invalid, "registration_state")) {
      const plate = v.plate as string;
      const state = v.registration_state as string;
      if (plates.add(`${state}${plate}`) < 0) report.fail("UNIQUE_PLATE", vehicleExample(position, v, { registration_state: state, plate }));
      if (!plateFits(plate, state)) report.fail("DOMAIN_PLATE_FORMAT", vehicleExample(position, v, { registration_state: state, plate }));
    }
    if (fieldOk(invalid, "model_year") && (v.model_year as number) > newestModelYear) report.fail("DOMAIN_MODEL_YEAR_FUTURE", vehicleExample(position, v, { model_year: v.model_year, asOf }));
    if (fieldOk(invalid, "garaging_postal_code") && fieldOk(invalid, "registration_state") && !postalCodeFits(v.garaging_postal_code as string, v.registration_state as string)) {
      report.fail("DOMAIN_POSTAL_CODE_STATE", vehicleExample(position, v, { registration_state: v.registration_state, garaging_postal_code: v.garaging_postal_code }));
    }

    // The declaration's foreign keys: household_id, then person_id (the engine reports either missing).
    const household = refs[0]!;
    const owner = refs[1]!;
    if (ordinal >= 0) {
      vehicles.household.at(ordinal)[ordinal] = household;
      const financed = fieldOk(invalid, "ownership") && v.ownership !== "owned" ? VEHICLE_FLAGS.financed : 0;
      vehicles.flags.at(ordinal)[ordinal] = financed | (fieldOk(invalid, "plate_type") && v.plate_type === "apportioned" ? VEHICLE_FLAGS.interstate : 0);
    }
    if (household >= 0) {
      households.vehicles.values[household]!++;
      if (owner >= 0 && index.household[owner] !== household) {
        report.fail("DOMAIN_VEHICLE_HOUSEHOLD", vehicleExample(position, v, { household_id: v.household_id, person_id: v.person_id }));
      }
    }
    if (owner >= 0) {
      recordForProfile(index, owner, v);
      if (index.minor[owner] === 1 && fieldOk(invalid, "ownership") && v.ownership !== "owned") {
        report.fail("DOMAIN_MINOR_CONTRACT", vehicleExample(position, v, { person_id: v.person_id, ownership: v.ownership }));
      }
      const ownerLob = index.lobOf(owner);
      if (fieldOk(invalid, "lob_type") && ownerLob !== null && v.lob_type !== ownerLob) {
        report.fail("DOMAIN_LOB_MISMATCH", vehicleExample(position, v, { person_id: v.person_id, lob_type: v.lob_type, owner_lob_type: ownerLob }));
        return; // the lob-dependent field rule would only repeat this finding
      }
    }
    if (fieldOk(invalid, "lob_type") && fieldOk(invalid, "gvwr_class") && (v.lob_type === "commercial") !== (v.gvwr_class !== null)) {
      report.fail("DOMAIN_LOB_FIELDS", vehicleExample(position, v, { lob_type: v.lob_type, gvwr_class: v.gvwr_class }));
    }
  };
}

/** Adds the vehicle to what its owner's profile must say: count, summary hash, primary vehicle. */
function recordForProfile(index: PersonIndex, owner: number, v: Record<string, unknown>): void {
  const count = index.vehicleCount[owner]!;
  let hash = count === 0 ? FNV_OFFSET : fnv1a(index.summaryHash[owner]!, "; ");
  hash = fnv1a(hash, `${String(v.model_year)} ${String(v.make)} ${String(v.model)}`);
  index.summaryHash[owner] = hash;
  index.vehicleCount[owner] = count + 1;
  const mileage = typeof v.annual_mileage === "number" ? v.annual_mileage : -1;
  if (mileage > index.primaryMileage[owner]! || count === 0) {
    index.primaryMileage[owner] = mileage;
    index.primaryIdHash[owner] = fnv1a(FNV_OFFSET, String(v.vehicle_id));
  }
}
