import { FINTECH_GENERATOR } from "./generator-version.js";

/**
 * The FinTech pack as plain data — its name, entities in build order, generator and a few words — what
 * help texts, `sdh version` and the settings' checks read without loading the pack
 * (`@sdh/pack-fintech/info`; the registry's test holds it to the pack's declaration).
 */
export const FINTECH_PACK_INFO = {
  name: "fintech",
  entities: ["customers", "accounts", "transactions"],
  generator: FINTECH_GENERATOR,
  summary: "retail banking customers, their accounts and a year of transactions",
} as const;
