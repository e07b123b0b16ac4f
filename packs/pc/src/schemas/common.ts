import { z } from "zod";

/** Line of business: personal lines (individuals) or commercial lines (businesses and fleets). */
export type LobType = z.infer<typeof LobType>;
export const LobType = z.enum(["personal", "commercial"]).describe("Line of business: personal lines or commercial lines");
