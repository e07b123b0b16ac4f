import { describe, expect, it } from "vitest";
import { riskBand, riskScore } from "../../src/generator/index.js";

const sedan = { body_type: "sedan", model_year: 2022, usage: "pleasure", annual_mileage: 8_000 } as const;

describe("risk rating rules", () => {
  it("scores an experienced middle-aged driver of a newish sedan for pleasure as low", () => {
    const score = riskScore({ age: 45, yearsLicensed: 28, primary: sedan, asOfYear: 2026 });
    expect(score).toBe(10);
    expect(riskBand(score)).toBe("low");
  });

  it("adds youth, inexperience, a coupe, an old car, commuting and high mileage", () => {
    const primary = { body_type: "coupe", model_year: 2008, usage: "commute", annual_mileage: 22_000 } as const;
    // 10 base + 30 age<21 + 15 licensed<2y + 10 coupe + 8 older than 15y + 5 commute + 10 mileage>20k
    expect(riskScore({ age: 18, yearsLicensed: 1, primary, asOfYear: 2026 })).toBe(88);
    expect(riskBand(88)).toBe("high");
  });

  it("rates a commercial tractor on its use and mileage", () => {
    const primary = { body_type: "tractor", model_year: 2020, usage: "commercial", annual_mileage: 95_000 } as const;
    // 10 base + 0 age + 0 experience + 15 tractor + 0 vehicle age + 10 commercial + 15 mileage>30k
    expect(riskScore({ age: 50, yearsLicensed: 30, primary, asOfYear: 2026 })).toBe(50);
    expect(riskBand(50)).toBe("elevated");
  });

  it("scores a person without vehicles on driver factors alone, and clamps at 100", () => {
    expect(riskScore({ age: 80, yearsLicensed: 60, primary: null, asOfYear: 2026 })).toBe(25);
    expect(riskBand(24)).toBe("low");
    expect(riskBand(25)).toBe("moderate");
    expect(riskBand(45)).toBe("elevated");
    expect(riskBand(65)).toBe("high");
  });
});
