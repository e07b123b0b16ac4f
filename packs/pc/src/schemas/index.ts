// The P&C records: one schema per entity, and the declaration that orders them (ADR 0016).
export { LobType } from "./common.js";
export { Person, Gender, MaritalStatus, FleetRole, CdlClass, HouseholdRole } from "./person.js";
export { Household } from "./household.js";
export { Vehicle, BodyType, VehicleUsage, Ownership, GvwrClass, FuelType, PlateType, VIN_PATTERN } from "./vehicle.js";
export { Profile, RiskBand } from "./profile.js";
export { Policy, PolicyStatus, CancellationReason, SalesChannel, PaymentPlan, POLICY_NUMBER_PATTERN } from "./policy.js";
export { Driver, DriverRelationship, DriverStatus, LicenseStatus } from "./driver.js";
export { Coverage, CoverageCode, LINE_COVERAGES } from "./coverage.js";
export { PolicyVehicle } from "./policy-vehicle.js";
export { Claim, ClaimCoverage, ClaimStatus, LossCause, LossType } from "./claim.js";
export { PC_PACK_SPEC } from "./declaration.js";
