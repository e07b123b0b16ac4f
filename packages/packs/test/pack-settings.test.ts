import { ConfigError, parseSnapshotConfig, type SnapshotConfigInput } from "@sdh/schemas";
import { describe, expect, it } from "vitest";
import { withPackSettings } from "../src/index.js";

// A pack declares its own settings (issue 34 §4): the P&C pack its line-of-business mix, vehicles per
// household and identifier style; FinTech and recipes none. The config carries them in `settings`,
// the pack checks them and fills in its defaults, and that is what a snapshot records.
const settle = (input: SnapshotConfigInput) => withPackSettings(parseSnapshotConfig(input));
const problemsOf = (input: SnapshotConfigInput): string[] => {
  try {
    settle(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("a pack's own settings", () => {
  it("fills in the P&C pack's defaults, and keeps what a config gives", () => {
    expect(settle({}).settings).toEqual({ lobMix: { personal: 0.85, commercial: 0.15 }, vehiclesPerPerson: { personal: [0.072, 0.308, 0.377, 0.162, 0.081] }, identifiers: "realistic" });
    expect(settle({ settings: { identifiers: "synthetic", lobMix: { personal: 1, commercial: 0 } } }).settings).toMatchObject({ identifiers: "synthetic", lobMix: { personal: 1, commercial: 0 } });
  });

  it("names a bad P&C setting and what is allowed", () => {
    expect(problemsOf({ settings: { identifiers: "fake" } })).toEqual(['settings.identifiers: must be realistic or synthetic (got "fake")']);
    expect(problemsOf({ settings: { lobMix: { personal: 0.5, commercial: 0.4 } } })).toEqual([expect.stringMatching(/^settings\.lobMix: personal \+ commercial must add up to 1/)]);
    expect(problemsOf({ settings: { vehiclesPerPerson: { personal: [1], commercial: [0, 1] } } })).toEqual([
      "settings.vehiclesPerPerson: unknown field(s) 'commercial'; only 'personal' is allowed: since schema 0.2 commercial fleet sizes follow the business archetype",
    ]);
    expect(problemsOf({ settings: { fleetSize: 3 } })).toEqual(["settings: unknown setting(s) 'fleetSize' for the pc pack; its settings: lobMix, vehiclesPerPerson, identifiers"]);
  });

  it("gives FinTech and recipes no settings: none recorded, one given is refused", () => {
    expect(settle({ pack: "fintech" }).settings).toEqual({});
    expect(problemsOf({ pack: "fintech", settings: { lobMix: { personal: 1, commercial: 0 } } })).toEqual([
      "settings.lobMix: the fintech pack has no settings (only pc has: lobMix, vehiclesPerPerson, identifiers)",
    ]);
  });
});
