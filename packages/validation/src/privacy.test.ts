import { describe, expect, it } from "vitest";
import { isFictionalPhone, isReservedEmail } from "./index.js";

describe("privacy gate", () => {
  it.each(["ana.diaz@example.com", "x@example.net", "fleet.ops@EXAMPLE.ORG"])("accepts reserved email %s", (email) => {
    expect(isReservedEmail(email)).toBe(true);
  });

  it.each(["ana@gmail.com", "a@example.com.evil.io", "a@sub.example.com", "a@b@example.com", "@example.com", "example.com"])(
    "rejects email %s",
    (email) => {
      expect(isReservedEmail(email)).toBe(false);
    },
  );

  it.each(["(415) 555-0100", "415-555-0199", "212.555.0142", "6175550123"])("accepts fictional phone %s", (phone) => {
    expect(isFictionalPhone(phone)).toBe(true);
  });

  it.each(["415-555-0200", "415-555-0099", "415-556-0100", "(115) 555-0100", "555-0100", "+44 20 7946 0018"])(
    "rejects phone %s",
    (phone) => {
      expect(isFictionalPhone(phone)).toBe(false);
    },
  );
});
