import { GENERATOR } from "./generator/generator-version.js";

/**
 * The P&C pack as plain data — its name, entities in build order, generator and a few words — what
 * help texts, `sdh version` and the settings' checks read without loading the pack (`@sdh/pack-pc/info`;
 * the registry's test holds it to the pack's declaration).
 */
export const PC_PACK_INFO = {
  name: "pc",
  entities: ["households", "persons", "vehicles", "profiles", "policies", "drivers", "policy_vehicles", "coverages", "claims"],
  generator: GENERATOR,
  summary: "P&C insurance households and business accounts, vehicles, policies, claims",
} as const;
