import { asOfOutsideRange, PEOPLE_FROM } from "@sdh/rules";
import { CATALOG_LAST_YEAR } from "./vehicle.js";

/** Why the P&C generator cannot build a snapshot as of `asOf`, or null when it can: people, vehicles and VIN year codes bound it. */
export function asOfProblem(asOf: string): string | null {
  return asOfOutsideRange(asOf, `${PEOPLE_FROM} (vehicles to model year ${CATALOG_LAST_YEAR}), and VIN year codes are read up to 2069`);
}
