import { addYears, formatDate, parseIsoDate, epochDayOf, formatEpochDay } from "@sdh/rules";
import { modelYearCode, vinCheckDigit, stateMinimumOn, type StateMinimum } from "../generator/index.js";
import { US_STATE_CODES, type UsState } from "@sdh/schemas";
import type { RuleCode } from "../checks/index.js";
import { personWhere, rederiveProfile, vehiclesOf, type SnapshotRecords } from "./fixtures.js";

/** Replaces the VIN's year code and check digit so that it stays valid for `year`. */
function vinFor(vin: string, year: number): string {
  const draft = `${vin.slice(0, 9)}${modelYearCode(year)}${vin.slice(10)}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

function householdOf(s: SnapshotRecords, p: SnapshotRecords["persons"][number]): SnapshotRecords["households"][number] {
  return s.households.find((h) => h.household_id === p.household_id)!;
}

/** Changes address fields of a household and of every person in it alike. */
function moveHousehold(s: SnapshotRecords, householdId: string, fields: Partial<Pick<SnapshotRecords["persons"][number], "postal_code" | "city">>): void {
  Object.assign(s.households.find((h) => h.household_id === householdId)!, fields);
  for (const p of s.persons) if (p.household_id === householdId) Object.assign(p, fields);
}

/** Makes the person 17 at asOf (18 tomorrow), licensed the day after their 16th birthday: about two years before any policy term of theirs began. */
function minorAt(s: SnapshotRecords, p: SnapshotRecords["persons"][number]): void {
  const born = epochDayOf(formatDate(addYears(parseIsoDate(s.config.asOf), -18))) + 1;
  p.date_of_birth = formatEpochDay(born);
  p.license_issue_date = formatEpochDay(epochDayOf(formatDate(addYears(parseIsoDate(p.date_of_birth), 16))) + 1);
}

type Policy = SnapshotRecords["policies"][number];
type PolicyVehicle = SnapshotRecords["policy_vehicles"][number];

const policyById = (s: SnapshotRecords, id: string): Policy => s.policies.find((p) => p.policy_id === id)!;
const policyOfHousehold = (s: SnapshotRecords, householdId: string): Policy | undefined => s.policies.find((p) => p.household_id === householdId);
const placeOf = (s: SnapshotRecords, vehicleId: string): PolicyVehicle => s.policy_vehicles.find((v) => v.vehicle_id === vehicleId)!;
const cents = (dollars: number) => Math.round(dollars * 100);
/** A driver no vehicle names as its principal driver: one whose id may change without breaking a reference. */
const unassignedDriver = (s: SnapshotRecords, predicate: (d: SnapshotRecords["drivers"][number]) => boolean = () => true) =>
  s.drivers.find((d) => predicate(d) && d.relationship !== "named_insured" && !s.policy_vehicles.some((v) => v.principal_driver_id === d.driver_id))!;

type Coverage = SnapshotRecords["coverages"][number];

/** Moves `delta` cents of premium onto (or off) the policy's line coverages, none below zero: their sum follows the written premium. */
function shiftLinePremium(s: SnapshotRecords, policyId: string, delta: number): void {
  let rest = delta;
  for (const c of s.coverages) {
    if (rest === 0) return;
    if (c.policy_id !== policyId || c.policy_vehicle_id !== null) continue;
    const take = rest > 0 ? rest : Math.max(rest, -cents(c.premium));
    c.premium = (cents(c.premium) + take) / 100;
    rest -= take;
  }
}

/**
 * Adds a vehicle's place to a policy, or takes it off (`sign` -1): the policy's vehicle count and premium
 * follow, and so do its coverages — its own leave with it (returned) or join with it (`own`), its share
 * of the line coverages moves — so the policy's coverages still add up to its premium.
 */
function countOnPolicy(s: SnapshotRecords, place: PolicyVehicle, sign: 1 | -1, own: Coverage[] = []): Coverage[] {
  const policy = policyById(s, place.policy_id);
  policy.vehicle_count += sign;
  policy.written_premium = (cents(policy.written_premium) + sign * cents(place.premium)) / 100;
  if (sign < 0) own = s.coverages.filter((c) => c.policy_vehicle_id === place.policy_vehicle_id);
  const ownCents = own.reduce((sum, c) => sum + cents(c.premium), 0);
  if (sign < 0) s.coverages = s.coverages.filter((c) => !own.includes(c));
  else s.coverages.push(...own.map((c) => ({ ...c, policy_id: place.policy_id, policy_vehicle_id: place.policy_vehicle_id })));
  shiftLinePremium(s, policy.policy_id, sign * (cents(place.premium) - ownCents));
  return own;
}

/** Takes the vehicle off its policy (which keeps at least one other). */
function dropFromPolicy(s: SnapshotRecords, vehicleId: string): void {
  const place = placeOf(s, vehicleId);
  countOnPolicy(s, place, -1);
  s.policy_vehicles.splice(s.policy_vehicles.indexOf(place), 1);
}

const minimumOf = (p: Policy): StateMinimum => stateMinimumOn(p.state, epochDayOf(p.effective_date));
/** Another state whose statutes ask exactly what `state`'s do on `day`: a policy may move there without breaking a coverage rule. */
function twinState(state: UsState, day: number): UsState | undefined {
  const { state: _s, fromDay: _f, citation: _c, ...asks } = stateMinimumOn(state, day);
  return US_STATE_CODES.find((other) => {
    const { state: _o, fromDay: _g, citation: _d, ...otherAsks } = stateMinimumOn(other, day);
    return other !== state && JSON.stringify(asks) === JSON.stringify(otherAsks);
  });
}
/** Takes a coverage off, its premium moving to another line coverage of the policy (the sum holds). */
function removeCoverage(s: SnapshotRecords, c: Coverage): void {
  s.coverages.splice(s.coverages.indexOf(c), 1);
  const other = s.coverages.find((x) => x.policy_id === c.policy_id && x.policy_vehicle_id === null)!;
  other.premium = (cents(other.premium) + cents(c.premium)) / 100;
}
const lineCoverage = (s: SnapshotRecords, code: Coverage["coverage_code"], policy: (p: Policy, min: StateMinimum) => boolean = () => true) =>
  s.coverages.find((c) => c.coverage_code === code && c.policy_vehicle_id === null && policy(policyById(s, c.policy_id), minimumOf(policyById(s, c.policy_id))))!;

/** A vehicle of the given line whose policy holds at least two, so that one can leave it. */
const vehicleOnSharedPolicy = (s: SnapshotRecords, predicate: (v: SnapshotRecords["vehicles"][number]) => boolean = () => true) =>
  s.vehicles.find((v) => predicate(v) && policyById(s, placeOf(s, v.vehicle_id).policy_id).vehicle_count >= 2)!;

/**
 * One edit per rule, each breaking exactly that rule: derived data (profiles) is rebuilt where the
 * edit would otherwise break a second rule too.
 */
type Claim = SnapshotRecords["claims"][number];

/** Recounts every profile's policies and claims from the drivers and claims, as the generator would: a driver edit then breaks only the rule it plants. */
function recountBooks(s: SnapshotRecords): void {
  const personOf = new Map(s.drivers.map((d) => [d.driver_id, d.person_id]));
  for (const p of s.profiles) {
    p.policy_count = s.drivers.filter((d) => d.person_id === p.person_id).length;
    p.claims_count = s.claims.filter((c) => c.driver_id !== null && personOf.get(c.driver_id) === p.person_id).length;
  }
}

/** The first claim that `predicate` accepts (the clean 2,000-household snapshot has about 130, of every kind). */
const claimWhere = (s: SnapshotRecords, predicate: (c: Claim) => boolean): Claim => {
  const claim = s.claims.find(predicate);
  if (!claim) throw new Error("no claim of that kind in the clean snapshot: plant this violation in a larger one");
  return claim;
};
/** The profile of the person a driver record names. */
const profileOfDriver = (s: SnapshotRecords, driverId: string) => {
  const personId = s.drivers.find((d) => d.driver_id === driverId)!.person_id;
  return s.profiles.find((p) => p.person_id === personId)!;
};

export const VIOLATIONS: ReadonlyArray<{ code: RuleCode; edit: (s: SnapshotRecords) => void }> = [
  { code: "SCHEMA_PERSON_INVALID", edit: (s) => void (s.persons[3]!.gender = "Q" as never) },
  { code: "SCHEMA_VEHICLE_INVALID", edit: (s) => void (s.vehicles[5]!.ownership = "rented" as never) },
  { code: "SCHEMA_PROFILE_INVALID", edit: (s) => void (s.profiles[7]!.risk_band = "extreme" as never) },
  { code: "UNIQUE_PERSON_ID", edit: (s) => {
    // Two vehicle-less persons share an id; the second one's profile goes, so each id keeps one profile.
    const i = personWhere(s, () => true);
    const j = personWhere(s, (p) => p !== s.persons[i] && vehiclesOf(s, s.persons.indexOf(p)).length === 0 && !s.drivers.some((d) => d.person_id === p.person_id));
    const removed = s.persons[j]!.person_id;
    s.persons[j]!.person_id = s.persons[i]!.person_id;
    s.profiles = s.profiles.filter((p) => p.person_id !== removed);
  } },
  { code: "UNIQUE_VEHICLE_ID", edit: (s) => {
    // A later vehicle leaves its policy first: its place there would name an id that no longer exists.
    const a = s.vehicles[10]!;
    const b = vehicleOnSharedPolicy(s, (v) => s.vehicles.indexOf(v) > 10);
    dropFromPolicy(s, b.vehicle_id);
    b.vehicle_id = a.vehicle_id;
    rederiveProfile(s, s.persons.findIndex((p) => p.person_id === b.person_id));
  } },
  { code: "UNIQUE_PROFILE_ID", edit: (s) => void (s.profiles[9]!.profile_id = s.profiles[8]!.profile_id) },
  { code: "UNIQUE_VIN", edit: (s) => {
    // Another person's vehicle becomes the same make, model and year, with the same VIN.
    const a = s.vehicles[11]!;
    const b = s.vehicles.find((v) => v.person_id !== a.person_id && v.lob_type === a.lob_type)!;
    Object.assign(b, { vin: a.vin, make: a.make, model: a.model, model_year: a.model_year });
    rederiveProfile(s, s.persons.findIndex((p) => p.person_id === b.person_id));
  } },
  { code: "UNIQUE_LICENSE", edit: (s) => {
    const a = s.persons[personWhere(s, (p) => !["FL", "IL", "WI"].includes(p.license_state))]!;
    const b = s.persons.find((p) => p !== a && p.license_state === a.license_state)!;
    b.license_number = a.license_number;
  } },
  { code: "UNIQUE_LICENSE_DERIVED", edit: (s) => {
    const a = s.persons[personWhere(s, (p) => p.license_state === "FL")]!;
    const b = s.persons.find((p) => p !== a && p.license_state === "FL")!;
    b.license_number = a.license_number;
  } },
  { code: "UNIQUE_EMAIL", edit: (s) => void (s.persons[24]!.email = s.persons[23]!.email) },
  { code: "UNIQUE_PLATE", edit: (s) => {
    const a = s.vehicles[2]!;
    const b = s.vehicles.find((v) => v.registration_state === a.registration_state && v.person_id !== a.person_id)!;
    b.plate = a.plate;
  } },
  { code: "REF_VEHICLE_OWNER_MISSING", edit: (s) => {
    const i = personWhere(s, () => true, 2);
    vehiclesOf(s, i)[1]!.person_id = UNKNOWN_ID;
    rederiveProfile(s, i);
  } },
  { code: "REF_PROFILE_PERSON_MISSING", edit: (s) => {
    // The person's profile now names nobody; a fresh profile keeps the person covered.
    const i = 12;
    const original = s.profiles[i]!;
    s.profiles.push({ ...original, profile_id: UNKNOWN_ID });
    s.profiles[i] = { ...original, person_id: "00000000-0000-4000-8000-000000000001" };
  } },
  { code: "REF_PROFILE_MISSING", edit: (s) => void s.profiles.splice(13, 1) },
  { code: "REF_PROFILE_DUPLICATE", edit: (s) => void s.profiles.push({ ...s.profiles[14]!, profile_id: UNKNOWN_ID }) },
  { code: "REF_PROFILE_VEHICLE_COUNT", edit: (s) => void (s.profiles[personWhere(s, () => true, 1)]!.vehicle_count += 1) },
  { code: "REF_PROFILE_VEHICLE_SUMMARY", edit: (s) => {
    const profile = s.profiles[personWhere(s, () => true, 1)]!;
    profile.vehicle_summary = profile.vehicle_summary!.replace(/^\d{4}/, "1999");
  } },
  { code: "REF_PROFILE_PRIMARY_VEHICLE", edit: (s) => {
    const i = personWhere(s, () => true, 2);
    const other = vehiclesOf(s, i).find((v) => v.vehicle_id !== s.profiles[i]!.primary_vehicle_id)!;
    s.profiles[i]!.primary_vehicle_id = other.vehicle_id;
  } },
  { code: "DOMAIN_VIN_CHECK_DIGIT", edit: (s) => {
    const v = s.vehicles[15]!;
    const wrong = v.vin[8] === "1" ? "2" : "1";
    v.vin = `${v.vin.slice(0, 8)}${wrong}${v.vin.slice(9)}`;
  } },
  { code: "DOMAIN_VIN_YEAR_CODE", edit: (s) => {
    const v = s.vehicles[16]!;
    const vin = vinFor(v.vin, v.model_year - 1);
    v.vin = vin;
  } },
  // A child: a head this young would also be a named insured under 18.
  { code: "DOMAIN_DRIVER_TOO_YOUNG", edit: (s) => void (s.persons.find((p) => p.household_role === "child")!.date_of_birth = "2012-03-04") },
  { code: "DOMAIN_LICENSE_DATE", edit: (s) => {
    const p = s.persons[18]!;
    p.license_issue_date = `${Number(p.date_of_birth.slice(0, 4)) + 15}-01-01`;
    rederiveProfile(s, 18);
  } },
  { code: "DOMAIN_MODEL_YEAR_FUTURE", edit: (s) => {
    const v = s.vehicles[19]!;
    v.model_year = 2029;
    v.vin = vinFor(v.vin, 2029);
    rederiveProfile(s, s.persons.findIndex((p) => p.person_id === v.person_id));
  } },
  { code: "DOMAIN_POSTAL_CODE_STATE", edit: (s) => {
    // The whole household moves, so that its persons still share its address.
    const i = personWhere(s, (p) => p.state !== "NY", 0);
    moveHousehold(s, s.persons[i]!.household_id, { postal_code: "00501" }); // Holtsville, NY: the IRS's own ZIP, not a residential one
  } },
  { code: "DOMAIN_POSTAL_CODE_CITY", edit: (s) => {
    const p = s.persons[personWhere(s, (x) => x.city !== "Springfield")]!;
    moveHousehold(s, p.household_id, { city: "Springfield" });
  } },
  { code: "DOMAIN_PHONE_AREA_CODE", edit: (s) => {
    const p = s.persons[personWhere(s, (x) => x.state !== "AK")]!;
    p.phone = `(907)${p.phone.slice(5)}`; // Alaska's area code
  } },
  { code: "DOMAIN_VIN_DECODES", edit: (s) => {
    // Position 4 moves to another character: the check digit stays right, the pattern is no longer vPIC's.
    const v = s.vehicles[25]!;
    const draft = `${v.vin.slice(0, 3)}${v.vin[3] === "Z" ? "Y" : "Z"}${v.vin.slice(4)}`;
    v.vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
  } },
  { code: "DOMAIN_MINOR_MARRIED", edit: (s) => {
    // A head living alone without vehicles, so uninsured: no loan or lease of theirs breaks DOMAIN_MINOR_CONTRACT, no policy DOMAIN_POLICY_NAMED_INSURED.
    const p = s.persons[personWhere(s, (x) => x.marital_status === "single" && x.lob_type === "personal" && householdOf(s, x).member_count === 1 && householdOf(s, x).vehicle_count === 0)]!;
    minorAt(s, p);
    p.marital_status = "married";
    rederiveProfile(s, s.persons.indexOf(p));
  } },
  { code: "DOMAIN_MINOR_CONTRACT", edit: (s) => {
    // A child with a car of their own becomes 17 (a head that young would also be a named insured under 18).
    const i = personWhere(s, (x) => x.household_role === "child" && x.marital_status === "single", 1);
    const p = s.persons[i]!;
    minorAt(s, p);
    vehiclesOf(s, i).forEach((v, k) => void (v.ownership = k === 0 ? "financed" : "owned"));
    rederiveProfile(s, i);
  } },
  { code: "DOMAIN_LICENSE_FORMAT", edit: (s) => {
    const p = s.persons[personWhere(s, (p) => p.license_state === "CA")]!;
    p.license_number = "12345678"; // CA: one letter then seven digits
  } },
  { code: "DOMAIN_PLATE_FORMAT", edit: (s) => {
    const v = s.vehicles.find((v) => v.registration_state === "TX")!;
    v.plate = "1ABC234"; // TX: three letters then four digits
  } },
  { code: "DOMAIN_LOB_MISMATCH", edit: (s) => void (s.profiles[personWhere(s, (p) => p.lob_type === "personal")]!.lob_type = "commercial") },
  { code: "DOMAIN_LOB_FIELDS", edit: (s) => void (s.persons[personWhere(s, (p) => p.lob_type === "personal")]!.business_name = "Acme Hauling LLC") },
  { code: "SCHEMA_HOUSEHOLD_INVALID", edit: (s) => void (s.households[3]!.lob_type = "industrial" as never) },
  { code: "UNIQUE_HOUSEHOLD_ID", edit: (s) => {
    // Household 9 and all it holds give way to a second copy of household 5: the count stays the config's.
    const gone = s.households[9]!.household_id;
    const persons = new Set(s.persons.filter((p) => p.household_id === gone).map((p) => p.person_id));
    s.persons = s.persons.filter((p) => !persons.has(p.person_id));
    s.profiles = s.profiles.filter((p) => !persons.has(p.person_id));
    s.vehicles = s.vehicles.filter((v) => v.household_id !== gone);
    const policies = new Set(s.policies.filter((p) => p.household_id === gone).map((p) => p.policy_id));
    s.policies = s.policies.filter((p) => !policies.has(p.policy_id));
    s.drivers = s.drivers.filter((d) => !policies.has(d.policy_id));
    s.policy_vehicles = s.policy_vehicles.filter((v) => !policies.has(v.policy_id));
    s.coverages = s.coverages.filter((c) => !policies.has(c.policy_id));
    s.households.splice(9, 1);
    s.households.push({ ...s.households[5]! });
  } },
  { code: "REF_PERSON_HOUSEHOLD_MISSING", edit: (s) => {
    const child = s.persons.find((p) => p.household_role === "child" && !s.vehicles.some((v) => v.person_id === p.person_id))!;
    householdOf(s, child).member_count -= 1;
    child.household_id = UNKNOWN_ID;
  } },
  { code: "REF_VEHICLE_HOUSEHOLD_MISSING", edit: (s) => {
    const v = s.vehicles[30]!;
    s.households.find((h) => h.household_id === v.household_id)!.vehicle_count -= 1;
    v.household_id = UNKNOWN_ID;
  } },
  { code: "REF_HOUSEHOLD_MEMBER_COUNT", edit: (s) => void (s.households[6]!.member_count += 1) },
  { code: "REF_HOUSEHOLD_VEHICLE_COUNT", edit: (s) => void (s.households[7]!.vehicle_count += 1) },
  { code: "REF_PROFILE_HOUSEHOLD_ROLE", edit: (s) => void (s.profiles.find((p) => p.household_role === "head")!.household_role = "spouse") },
  { code: "DOMAIN_HOUSEHOLD_HEAD", edit: (s) => {
    // A couple without children: two heads, and nothing else changes (the profile follows the person).
    const spouse = s.persons.find((p) => p.household_role === "spouse" && householdOf(s, p).member_count === 2)!;
    spouse.household_role = "head";
    rederiveProfile(s, s.persons.indexOf(spouse));
    const driver = s.drivers.find((d) => d.person_id === spouse.person_id);
    if (driver) driver.relationship = "named_insured";
  } },
  { code: "DOMAIN_HOUSEHOLD_ADDRESS", edit: (s) => void (s.persons.find((p) => p.household_role === "spouse")!.street = "1 Elsewhere Rd") },
  { code: "DOMAIN_HOUSEHOLD_CHILD_AGE", edit: (s) => {
    // The child becomes ten years younger than the head: older than before, licensed as before.
    const child = s.persons.find((p) => p.household_role === "child")!;
    const head = s.persons.find((p) => p.household_id === child.household_id && p.household_role === "head")!;
    child.date_of_birth = `${Number(head.date_of_birth.slice(0, 4)) + 10}${head.date_of_birth.slice(4)}`;
    rederiveProfile(s, s.persons.indexOf(child));
  } },
  { code: "DOMAIN_VEHICLE_HOUSEHOLD", edit: (s) => {
    // The vehicle moves to another household of the same line, and onto its policy (counts follow); its owner stays where they live.
    const v = vehicleOnSharedPolicy(s, (x) => x.lob_type === "personal");
    const other = s.households.find((h) => h.household_id !== v.household_id && h.lob_type === "personal" && policyOfHousehold(s, h.household_id))!;
    s.households.find((h) => h.household_id === v.household_id)!.vehicle_count -= 1;
    other.vehicle_count += 1;
    v.household_id = other.household_id;
    const place = placeOf(s, v.vehicle_id);
    const own = countOnPolicy(s, place, -1);
    const policy = policyOfHousehold(s, other.household_id)!;
    const insured = s.drivers.find((d) => d.policy_id === policy.policy_id && d.relationship === "named_insured")!;
    Object.assign(place, { policy_id: policy.policy_id, vehicle_number: policy.vehicle_count + 1, principal_driver_id: insured.driver_id });
    countOnPolicy(s, place, 1, own);
  } },
  { code: "SCHEMA_POLICY_INVALID", edit: (s) => void (s.policies[0]!.status = "active" as never) },
  { code: "SCHEMA_DRIVER_INVALID", edit: (s) => void (s.drivers[0]!.violation_points = -1) },
  { code: "SCHEMA_POLICY_VEHICLE_INVALID", edit: (s) => void (s.policy_vehicles[0]!.vehicle_number = 0) },
  { code: "UNIQUE_POLICY_ID", edit: (s) => {
    // A second record of policy 4's term under its id, with a number of its own.
    const p = s.policies[4]!;
    s.policies.push({ ...p, policy_number: `${p.policy_number.slice(0, 7)}000000001` });
  } },
  { code: "UNIQUE_DRIVER_ID", edit: (s) => void (unassignedDriver(s).driver_id = s.drivers[0]!.driver_id) },
  { code: "UNIQUE_POLICY_VEHICLE_ID", edit: (s) => {
    // A later vehicle without coverages of its own takes an earlier one's id (no coverage names it).
    const later = s.policy_vehicles.find((v, k) => k > 3 && !s.coverages.some((c) => c.policy_vehicle_id === v.policy_vehicle_id))!;
    later.policy_vehicle_id = s.policy_vehicles[3]!.policy_vehicle_id;
  } },
  { code: "UNIQUE_POLICY_NUMBER", edit: (s) => {
    const a = s.policies[0]!;
    const b = s.policies.find((p) => p !== a && p.state === a.state && p.lob_type === a.lob_type)!;
    b.policy_number = a.policy_number;
  } },
  { code: "UNIQUE_POLICY_VEHICLE", edit: (s) => {
    // A vehicle owned outright (no lender asks for physical damage on the second place) is scheduled
    // twice on its policy (its count and premium follow).
    const place = s.policy_vehicles.find((v, k) => k >= 6 && s.vehicles.find((x) => x.vehicle_id === v.vehicle_id)!.ownership === "owned")!;
    const again = { ...place, policy_vehicle_id: UNKNOWN_ID, vehicle_number: policyById(s, place.policy_id).vehicle_count + 1 };
    s.policy_vehicles.push(again);
    countOnPolicy(s, again, 1);
  } },
  { code: "UNIQUE_POLICY_DRIVER", edit: (s) => {
    const d = unassignedDriver(s);
    s.drivers.push({ ...d, driver_id: UNKNOWN_ID, driver_number: policyById(s, d.policy_id).driver_count + 1 });
    policyById(s, d.policy_id).driver_count += 1;
    recountBooks(s);
  } },
  { code: "REF_POLICY_HOUSEHOLD_MISSING", edit: (s) => void (s.policies[7]!.household_id = UNKNOWN_ID) },
  { code: "REF_POLICY_NAMED_INSURED_MISSING", edit: (s) => void (s.policies[8]!.named_insured_id = UNKNOWN_ID) },
  { code: "REF_DRIVER_POLICY_MISSING", edit: (s) => {
    const d = unassignedDriver(s);
    policyById(s, d.policy_id).driver_count -= 1;
    d.policy_id = UNKNOWN_ID;
  } },
  { code: "REF_DRIVER_PERSON_MISSING", edit: (s) => {
    s.drivers[9]!.person_id = UNKNOWN_ID;
    recountBooks(s);
  } },
  { code: "REF_POLICY_VEHICLE_POLICY_MISSING", edit: (s) => {
    const place = placeOf(s, vehicleOnSharedPolicy(s).vehicle_id);
    countOnPolicy(s, place, -1);
    place.policy_id = UNKNOWN_ID;
  } },
  { code: "REF_POLICY_VEHICLE_VEHICLE_MISSING", edit: (s) => void (s.policy_vehicles[10]!.vehicle_id = UNKNOWN_ID) },
  { code: "REF_POLICY_VEHICLE_DRIVER_MISSING", edit: (s) => void (s.policy_vehicles.find((v) => v.principal_driver_id !== null)!.principal_driver_id = UNKNOWN_ID) },
  { code: "REF_POLICY_VEHICLE_COUNT", edit: (s) => void (s.policies[2]!.vehicle_count += 1) },
  { code: "REF_POLICY_DRIVER_COUNT", edit: (s) => void (s.policies[3]!.driver_count += 1) },
  { code: "DOMAIN_POLICY_NAMED_INSURED", edit: (s) => {
    // The spouse becomes the named insured: a member of the household, but not its head.
    const spouse = s.persons.find((p) => p.household_role === "spouse" && policyOfHousehold(s, p.household_id))!;
    policyOfHousehold(s, spouse.household_id)!.named_insured_id = spouse.person_id;
  } },
  { code: "DOMAIN_POLICY_HOUSEHOLD", edit: (s) => {
    // Rated in another state than the household's, one whose statutes ask the same coverages: its number and agency move with it.
    const p = s.policies.find((x) => twinState(x.state, epochDayOf(x.effective_date)) !== undefined)!;
    const state = twinState(p.state, epochDayOf(p.effective_date))!;
    p.state = state;
    p.policy_number = `${p.policy_number.slice(0, 4)}${state}${p.policy_number.slice(6)}`;
    if (p.agency_code !== null) p.agency_code = `${state}${p.agency_code.slice(2)}`;
  } },
  { code: "DOMAIN_POLICY_NUMBER", edit: (s) => {
    const p = s.policies.find((x) => x.lob_type === "personal")!;
    p.policy_number = `BAP${p.policy_number.slice(3)}`;
  } },
  { code: "DOMAIN_POLICY_TERM", edit: (s) => void (s.policies.find((p) => p.term_months === 6)!.payment_plan = "quarterly") },
  { code: "DOMAIN_POLICY_STATUS", edit: (s) => void (s.policies.find((p) => p.status === "in_force")!.status = "expired") },
  { code: "DOMAIN_POLICY_AGENCY", edit: (s) => {
    const p = s.policies.find((x) => x.channel === "direct")!;
    p.agency_code = `${p.state}0001`;
  } },
  { code: "DOMAIN_POLICY_PREMIUM", edit: (s) => {
    // A dollar more, on the policy and on one of its coverages, but on none of its vehicles.
    const p = s.policies[11]!;
    p.written_premium += 1;
    shiftLinePremium(s, p.policy_id, 100);
  } },
  { code: "DOMAIN_DRIVER_HOUSEHOLD", edit: (s) => {
    // The driver becomes a person of another household who is on no policy.
    const d = unassignedDriver(s);
    const stranger = s.persons.find((p) => !s.drivers.some((x) => x.person_id === p.person_id) && p.household_id !== policyById(s, d.policy_id).household_id)!;
    d.person_id = stranger.person_id;
    recountBooks(s);
  } },
  { code: "DOMAIN_DRIVER_RELATIONSHIP", edit: (s) => void (s.drivers.find((d) => d.relationship === "spouse")!.relationship = "child") },
  { code: "DOMAIN_DRIVER_EXCLUDED", edit: (s) => void (s.drivers.find((d) => d.relationship !== "named_insured" && d.status === "listed")!.license_status = "suspended") },
  { code: "DOMAIN_DRIVER_LICENSE_DATE", edit: (s) => {
    const d = s.drivers[12]!;
    d.added_date = formatEpochDay(epochDayOf(policyById(s, d.policy_id).effective_date) - 1);
  } },
  { code: "DOMAIN_POLICY_VEHICLE_HOUSEHOLD", edit: (s) => {
    // Two policies of different households swap one vehicle each.
    const a = s.policy_vehicles[0]!;
    const b = s.policy_vehicles.find((v) => v.policy_id !== a.policy_id)!;
    [a.vehicle_id, b.vehicle_id] = [b.vehicle_id, a.vehicle_id];
  } },
  { code: "DOMAIN_POLICY_VEHICLE_PRINCIPAL", edit: (s) => void (s.policy_vehicles.find((v) => v.principal_driver_id !== null)!.principal_driver_id = null) },
  { code: "SCHEMA_COVERAGE_INVALID", edit: (s) => void (s.coverages.find((c) => c.coverage_code === "RENTAL")!.coverage_code = "GAP" as never) },
  { code: "UNIQUE_COVERAGE_ID", edit: (s) => void (s.coverages[5]!.coverage_id = s.coverages[3]!.coverage_id) },
  { code: "UNIQUE_COVERAGE", edit: (s) => {
    // The policy's property damage, written twice (the copy at no premium, so the sum holds).
    const pd = lineCoverage(s, "PD");
    s.coverages.push({ ...pd, coverage_id: UNKNOWN_ID, premium: 0 });
  } },
  { code: "REF_COVERAGE_POLICY_MISSING", edit: (s) => {
    // An optional coverage names a policy that does not exist; its premium stays with its own policy.
    const c = lineCoverage(s, "MEDPAY", (_p, min) => min.medpay === 0);
    removeCoverage(s, c);
    s.coverages.push({ ...c, policy_id: UNKNOWN_ID });
  } },
  { code: "REF_COVERAGE_POLICY_VEHICLE_MISSING", edit: (s) => void (s.coverages.find((c) => c.coverage_code === "RENTAL")!.policy_vehicle_id = UNKNOWN_ID) },
  { code: "DOMAIN_COVERAGE_CODE", edit: (s) => void (s.coverages.find((c) => c.coverage_code === "TOWING")!.policy_vehicle_id = null) },
  { code: "DOMAIN_COVERAGE_LIMITS", edit: (s) => void (lineCoverage(s, "PD").deductible = 500) },
  { code: "DOMAIN_COVERAGE_STATE_MINIMUM", edit: (s) => {
    const bi = lineCoverage(s, "BI", (_p, min) => min.biPerPerson === 25_000 && min.biPerAccident === 50_000);
    Object.assign(bi, { limit_per_person: 20_000, limit_per_accident: 40_000 });
  } },
  { code: "DOMAIN_COVERAGE_REQUIRED", edit: (s) => removeCoverage(s, lineCoverage(s, "UM", (_p, min) => min.umPerPerson > 0)) },
  { code: "DOMAIN_COVERAGE_PIP_STATE", edit: (s) => removeCoverage(s, lineCoverage(s, "PIP", (_p, min) => min.pip === "required")) },
  { code: "DOMAIN_COVERAGE_PHYSICAL_DAMAGE", edit: (s) => {
    // A financed or leased vehicle without collision (its premium moves to the vehicle's comprehensive).
    const financed = new Set(s.vehicles.filter((v) => v.ownership !== "owned").map((v) => v.vehicle_id));
    const coll = s.coverages.find((c) => c.coverage_code === "COLL" && financed.has(s.policy_vehicles.find((v) => v.policy_vehicle_id === c.policy_vehicle_id)!.vehicle_id))!;
    const comp = s.coverages.find((c) => c.coverage_code === "COMP" && c.policy_vehicle_id === coll.policy_vehicle_id)!;
    comp.premium = (cents(comp.premium) + cents(coll.premium)) / 100;
    s.coverages.splice(s.coverages.indexOf(coll), 1);
  } },
  { code: "DOMAIN_COVERAGE_PREMIUM", edit: (s) => void (s.coverages[0]!.premium += 1) },
  { code: "SCHEMA_CLAIM_INVALID", edit: (s) => void (s.claims[0]!.loss_cause = "meteor" as never) },
  { code: "UNIQUE_CLAIM_ID", edit: (s) => void (s.claims[2]!.claim_id = s.claims[1]!.claim_id) },
  { code: "UNIQUE_CLAIM_NUMBER", edit: (s) => {
    // The second claim of a policy in one year numbered as its first.
    const second = claimWhere(s, (c) => c.claim_number.endsWith("-02") && s.claims.some((d) => d.claim_number === c.claim_number.replace(/-02$/, "-01")));
    second.claim_number = second.claim_number.replace(/-02$/, "-01");
  } },
  { code: "REF_CLAIM_POLICY_MISSING", edit: (s) => void (s.claims[3]!.policy_id = UNKNOWN_ID) },
  { code: "REF_CLAIM_COVERAGE_MISSING", edit: (s) => void (s.claims[4]!.coverage_id = UNKNOWN_ID) },
  { code: "REF_CLAIM_VEHICLE_MISSING", edit: (s) => void (s.claims[5]!.vehicle_id = UNKNOWN_ID) },
  { code: "REF_CLAIM_DRIVER_MISSING", edit: (s) => {
    // The driver named is nobody; the profile of the one who drove no longer counts the claim.
    const claim = claimWhere(s, (c) => c.driver_id !== null);
    profileOfDriver(s, claim.driver_id!).claims_count--;
    claim.driver_id = UNKNOWN_ID;
  } },
  { code: "REF_PROFILE_POLICY_COUNT", edit: (s) => void s.profiles[7]!.policy_count++ },
  { code: "REF_PROFILE_CLAIMS_COUNT", edit: (s) => void s.profiles[8]!.claims_count++ },
  { code: "DOMAIN_CLAIM_NUMBER", edit: (s) => {
    const claim = s.claims[6]!;
    claim.claim_number = `CLM-${String((Number(claim.loss_date.slice(2, 4)) + 1) % 100).padStart(2, "0")}${claim.claim_number.slice(6)}`;
  } },
  { code: "DOMAIN_CLAIM_DATES", edit: (s) => void (claimWhere(s, (c) => c.status === "closed").closed_date = null) },
  { code: "DOMAIN_CLAIM_COVERAGE", edit: (s) => void (claimWhere(s, (c) => c.loss_type === "comprehensive").loss_cause = "rear_end") },
  { code: "DOMAIN_CLAIM_VEHICLE", edit: (s) => {
    // A liability claim (made under the policy's line coverage) names an insured vehicle of another household.
    const claim = claimWhere(s, (c) => c.coverage_code === "PD");
    const household = policyById(s, claim.policy_id).household_id;
    const other = s.policy_vehicles.find((v) => v.policy_id !== claim.policy_id && s.vehicles.find((x) => x.vehicle_id === v.vehicle_id)!.household_id !== household)!;
    claim.vehicle_id = other.vehicle_id;
  } },
  { code: "DOMAIN_CLAIM_DRIVER", edit: (s) => {
    // A comprehensive loss (a parked vehicle) names a driver; their profile counts it, so only the driver rule fails.
    const claim = claimWhere(s, (c) => c.loss_type === "comprehensive");
    const driver = s.drivers.find((d) => d.policy_id === claim.policy_id)!;
    claim.driver_id = driver.driver_id;
    profileOfDriver(s, driver.driver_id).claims_count++;
  } },
  { code: "DOMAIN_CLAIM_AT_FAULT", edit: (s) => void (claimWhere(s, (c) => c.loss_type === "property_damage" && c.status === "closed").at_fault = false) },
  { code: "DOMAIN_CLAIM_AMOUNTS", edit: (s) => void (claimWhere(s, (c) => c.status === "open").reserve_amount = 0) },
  { code: "PRIVACY_EMAIL_DOMAIN", edit: (s) => void (s.persons[21]!.email = "jane.doe@gmail.com") },
  { code: "PRIVACY_PHONE_RANGE", edit: (s) => void (s.persons[22]!.phone = "(415) 555-2368") },
];
