import { describe, expect, it } from "vitest";
import { peakStepOf } from "./worker-peak.js";

const end = (activityType: string, peakRssMb: number, msg = "activity completed") => JSON.stringify({ level: "INFO", msg, activityType, durationMs: 5, rssMb: 100, peakRssMb });

describe("peakStepOf", () => {
  it("names the first step whose end reached the worker's final peak", () => {
    const log = ['{"msg":"worker started"}', end("generateShard", 600), "not json {", end("generateShard", 900), end("exportPart", 900), end("exportPart", 930), '{"msg":"worker stopped","peakRssMb":930}'].join("\n");
    expect(peakStepOf(log, 930)).toBe("exportPart");
    expect(peakStepOf(log, 901)).toBe("generateShard");
  });

  it("counts a failed attempt's end, and says null when no step reached the peak", () => {
    expect(peakStepOf([end("generateShard", 500), end("validateSnapshot", 800, "activity failed")].join("\n"), 800)).toBe("validateSnapshot");
    expect(peakStepOf(end("generateShard", 500), 800)).toBeNull();
    expect(peakStepOf("", 800)).toBeNull();
  });
});
