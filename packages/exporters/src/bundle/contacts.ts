import type { Contact } from "@sdh/schemas";

/**
 * Who answers for the dataset (seed 001: metadata carries contact info). Role mailboxes on a reserved
 * domain: the roles are defined in governance/, and no address here reaches a real person.
 */
export const DATASET_CONTACTS: readonly Contact[] = [
  { role: "data owner", name: "Synthetic Data Hub owner", email: "sdh-data-owner@example.com" },
  { role: "data steward", name: "Synthetic Data Hub steward", email: "sdh-data-steward@example.com" },
  { role: "platform on-call", name: "Synthetic Data Hub platform on-call", email: "sdh-platform-oncall@example.com" },
];
