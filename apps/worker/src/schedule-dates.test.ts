import { describe, expect, it } from "vitest";
import { dateIn, isCalendarDate, isTimeZone, nextDate, startOfDay } from "./schedule-dates.js";
import { planScheduledRun, seedOfDate } from "./scheduled-snapshot.js";
import { parseSnapshotConfig } from "@sdh/schemas";

describe("schedule dates", () => {
  it("reads a date on the schedule's clock, not UTC's", () => {
    // 23:30 UTC on the 19th is already the 20th in Berlin, and still the 19th in New York.
    const instant = new Date("2026-11-19T23:30:00Z");
    expect(dateIn(instant, "UTC")).toBe("2026-11-19");
    expect(dateIn(instant, "Europe/Berlin")).toBe("2026-11-20");
    expect(dateIn(instant, "America/New_York")).toBe("2026-11-19");
  });

  it("finds local midnight, across a daylight-saving change", () => {
    expect(startOfDay("2026-11-20", "UTC").toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(startOfDay("2026-11-20", "Europe/Berlin").toISOString()).toBe("2026-11-19T23:00:00.000Z");
    expect(startOfDay("2026-07-01", "Europe/Berlin").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // Berlin leaves summer time on 2026-10-25 at 03:00: that day still begins at UTC+2.
    expect(startOfDay("2026-10-25", "Europe/Berlin").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfDay("2026-10-26", "Europe/Berlin").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("checks dates and zones", () => {
    expect([isCalendarDate("2026-02-28"), isCalendarDate("2026-02-30"), isCalendarDate("26-2-3")]).toEqual([true, false, false]);
    expect([isTimeZone("Europe/Berlin"), isTimeZone("UTC"), isTimeZone("Mars/Olympus")]).toEqual([true, true, false]);
    expect(nextDate("2026-12-31")).toBe("2027-01-01");
    expect(() => startOfDay("2026-13-01", "UTC")).toThrow(/not a date/);
  });

  it("plans a night: seed YYYYMMDD and asOf from the scheduled date in the schedule's zone", () => {
    const config = parseSnapshotConfig({ records: 10, seed: 7 });
    const plan = planScheduledRun({ config, seedFromDate: true, asOfFromDate: true, timezone: "Europe/Berlin", target: "/tmp/x" }, "2026-11-19T23:30:00Z");
    expect(seedOfDate("2026-11-20")).toBe(20261120);
    expect(plan.date).toBe("2026-11-20");
    expect(plan.input.config).toMatchObject({ seed: 20261120, asOf: "2026-11-20", records: 10 });
    expect(plan.input.snapshotId).toMatch(/^2026-11-20-s20261120-[0-9a-f]{8}$/);
    expect(plan.workflowId).toBe(`snapshot-v0_9-${plan.input.snapshotId}`);
    const fixed = planScheduledRun({ config, seedFromDate: false, asOfFromDate: false, timezone: "UTC", target: "/tmp/x" }, "2026-11-19T23:30:00Z");
    expect(fixed.input.config).toMatchObject({ seed: 7, asOf: config.asOf });
  });
});
