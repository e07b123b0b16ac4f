// Fixtures for tests of the validation gate, here and in the packages that read bundles:
// a clean seeded snapshot in memory, and one edit per rule that breaks exactly that rule.
export { cleanSnapshot, sourcesOf, rederiveProfile, personWhere, vehiclesOf, type SnapshotRecords } from "./fixtures.js";
export { VIOLATIONS } from "./violations.js";
