import type { SnapshotConfig } from "@sdh/schemas";
import type { Household, Person } from "../schemas/index.js";
import { createRecordStreams, uuidFrom } from "@sdh/rules";

export interface HouseholdRule {
  /** The id of household `i`: a pure function of (seed, i). Its persons and vehicles carry it. */
  idOf(i: number): string;
  /** The household record, from its head (whose address it is) and what it holds. */
  householdOf(id: string, head: Person, members: number, vehicles: number): Household;
}

export function createHouseholdRule(config: SnapshotConfig): HouseholdRule {
  const streams = createRecordStreams(config.seed, "household");
  return {
    idOf: (i) => uuidFrom(streams.at(i)),
    householdOf(id, head, members, vehicles) {
      return {
        household_id: id,
        lob_type: head.lob_type,
        // A commercial account goes by its business; a household by the head's family name.
        name: head.business_name ?? `${head.last_name} household`,
        // The head's address, field for field (written out: a spread in a literal is a slow runtime copy).
        street: head.street,
        address_line2: head.address_line2,
        city: head.city,
        county: head.county,
        state: head.state,
        postal_code: head.postal_code,
        member_count: members,
        vehicle_count: vehicles,
      };
    },
  };
}
