import { Claim } from "./claim.js";
import { Coverage } from "./coverage.js";
import { Driver } from "./driver.js";
import { Household } from "./household.js";
import { Person } from "./person.js";
import { Policy } from "./policy.js";
import { PolicyVehicle } from "./policy-vehicle.js";
import { Profile } from "./profile.js";
import type { PackSpec } from "@sdh/schemas";
import { Vehicle } from "./vehicle.js";

/** The P&C (property and casualty) pack's entities, as far as the migration of ADR 0016 has come. */
export const PC_PACK_SPEC = {
  name: "pc",
  dataset: "synthetic-insurance-households",
  title: "Synthetic Data Hub: households, persons, vehicles, profiles, policies, drivers, policy vehicles, coverages and claims",
  description: "Governed synthetic test data for insurance QA. Entirely generated: no record describes a real person, vehicle or address.",
  entities: [
    {
      name: "households",
      since: "0.3",
      title: "Household",
      description: "Households (personal lines) and business accounts (commercial lines): the root, which config.records counts",
      schema: Household,
      primaryKey: "household_id",
      rules: { schema: "SCHEMA_HOUSEHOLD_INVALID", unique: "UNIQUE_HOUSEHOLD_ID" },
      foreignKeys: [],
      parent: null,
    },
    {
      name: "persons",
      title: "Person",
      description: "Licensed members of the households: heads (policyholders), spouses and partners, children of driving age; a commercial account's policyholder",
      schema: Person,
      primaryKey: "person_id",
      rules: { schema: "SCHEMA_PERSON_INVALID", unique: "UNIQUE_PERSON_ID" },
      foreignKeys: [{ field: "household_id", entity: "households", key: "household_id", rule: "REF_PERSON_HOUSEHOLD_MISSING" }],
      parent: { entity: "households", field: "household_id", cardinality: "many" },
      perRoot: 1.6,
      fieldRules: { email: "PRIVACY_EMAIL_DOMAIN", phone: "PRIVACY_PHONE_RANGE" },
    },
    {
      name: "vehicles",
      title: "Vehicle",
      description: "Vehicles the households keep, each owned by one of its persons (person_id)",
      schema: Vehicle,
      primaryKey: "vehicle_id",
      rules: { schema: "SCHEMA_VEHICLE_INVALID", unique: "UNIQUE_VEHICLE_ID" },
      foreignKeys: [
        { field: "household_id", entity: "households", key: "household_id", rule: "REF_VEHICLE_HOUSEHOLD_MISSING" },
        { field: "person_id", entity: "persons", key: "person_id", rule: "REF_VEHICLE_OWNER_MISSING" },
      ],
      parent: { entity: "households", field: "household_id", cardinality: "many" },
      perRoot: 2,
    },
    {
      name: "profiles",
      title: "Profile",
      description: "One profile per person, derived from the person and the vehicles they own",
      schema: Profile,
      primaryKey: "profile_id",
      rules: { schema: "SCHEMA_PROFILE_INVALID", unique: "UNIQUE_PROFILE_ID" },
      foreignKeys: [
        { field: "person_id", entity: "persons", key: "person_id", rule: "REF_PROFILE_PERSON_MISSING" },
        // The person's most-driven vehicle, not any vehicle: the pack's own rule.
        { field: "primary_vehicle_id", entity: "vehicles", key: "vehicle_id", rule: "REF_PROFILE_PRIMARY_VEHICLE", packRule: true },
      ],
      parent: { entity: "persons", field: "person_id", cardinality: "one", missingRule: "REF_PROFILE_MISSING", duplicateRule: "REF_PROFILE_DUPLICATE" },
      perRoot: 1.6,
    },
    {
      name: "policies",
      since: "0.4",
      title: "Policy",
      description: "Auto policies (the current term): one per household or business account with a vehicle, personal or commercial auto",
      schema: Policy,
      primaryKey: "policy_id",
      rules: { schema: "SCHEMA_POLICY_INVALID", unique: "UNIQUE_POLICY_ID" },
      foreignKeys: [
        { field: "household_id", entity: "households", key: "household_id", rule: "REF_POLICY_HOUSEHOLD_MISSING" },
        { field: "named_insured_id", entity: "persons", key: "person_id", rule: "REF_POLICY_NAMED_INSURED_MISSING" },
      ],
      parent: { entity: "households", field: "household_id", cardinality: "many" },
      perRoot: 1,
    },
    {
      name: "drivers",
      since: "0.4",
      title: "Driver",
      description: "The household members on each policy, listed or excluded, with their licence status and points",
      schema: Driver,
      primaryKey: "driver_id",
      rules: { schema: "SCHEMA_DRIVER_INVALID", unique: "UNIQUE_DRIVER_ID" },
      foreignKeys: [
        { field: "policy_id", entity: "policies", key: "policy_id", rule: "REF_DRIVER_POLICY_MISSING" },
        { field: "person_id", entity: "persons", key: "person_id", rule: "REF_DRIVER_PERSON_MISSING" },
      ],
      parent: { entity: "policies", field: "policy_id", cardinality: "many" },
      perRoot: 1.6,
    },
    {
      name: "policy_vehicles",
      since: "0.4",
      title: "Policy vehicle",
      description: "The vehicles on each policy, with their principal driver and premium",
      schema: PolicyVehicle,
      primaryKey: "policy_vehicle_id",
      rules: { schema: "SCHEMA_POLICY_VEHICLE_INVALID", unique: "UNIQUE_POLICY_VEHICLE_ID" },
      foreignKeys: [
        { field: "policy_id", entity: "policies", key: "policy_id", rule: "REF_POLICY_VEHICLE_POLICY_MISSING" },
        { field: "vehicle_id", entity: "vehicles", key: "vehicle_id", rule: "REF_POLICY_VEHICLE_VEHICLE_MISSING" },
        { field: "principal_driver_id", entity: "drivers", key: "driver_id", rule: "REF_POLICY_VEHICLE_DRIVER_MISSING" },
      ],
      parent: { entity: "policies", field: "policy_id", cardinality: "many" },
      perRoot: 2,
    },
    {
      name: "coverages",
      since: "0.5",
      title: "Coverage",
      description: "The coverages of each policy: liability, uninsured motorists, PIP and medical payments for the policy; physical damage, rental and towing per vehicle",
      schema: Coverage,
      primaryKey: "coverage_id",
      rules: { schema: "SCHEMA_COVERAGE_INVALID", unique: "UNIQUE_COVERAGE_ID" },
      foreignKeys: [
        { field: "policy_id", entity: "policies", key: "policy_id", rule: "REF_COVERAGE_POLICY_MISSING" },
        { field: "policy_vehicle_id", entity: "policy_vehicles", key: "policy_vehicle_id", rule: "REF_COVERAGE_POLICY_VEHICLE_MISSING" },
      ],
      parent: { entity: "policies", field: "policy_id", cardinality: "many" },
      perRoot: 7.5,
    },
    {
      name: "claims",
      since: "0.6",
      title: "Claim",
      description: "Claims under the policies' coverages during the current term: liability, collision and comprehensive, with their loss, handling and money",
      schema: Claim,
      primaryKey: "claim_id",
      rules: { schema: "SCHEMA_CLAIM_INVALID", unique: "UNIQUE_CLAIM_ID" },
      foreignKeys: [
        { field: "policy_id", entity: "policies", key: "policy_id", rule: "REF_CLAIM_POLICY_MISSING" },
        { field: "coverage_id", entity: "coverages", key: "coverage_id", rule: "REF_CLAIM_COVERAGE_MISSING" },
        { field: "vehicle_id", entity: "vehicles", key: "vehicle_id", rule: "REF_CLAIM_VEHICLE_MISSING" },
        { field: "driver_id", entity: "drivers", key: "driver_id", rule: "REF_CLAIM_DRIVER_MISSING" },
      ],
      parent: { entity: "policies", field: "policy_id", cardinality: "many" },
      perRoot: 0.1,
    },
  ],
  // The summary's first line has counted these three since 0.1 (generator 0.8 may name them all).
  summaryEntities: ["persons", "vehicles", "profiles"],
} as const satisfies PackSpec<"households" | "persons" | "vehicles" | "profiles" | "policies" | "drivers" | "policy_vehicles" | "coverages" | "claims">;
