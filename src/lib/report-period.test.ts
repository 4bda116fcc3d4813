import { describe, expect, it } from "vitest";
import { daysOf, formatDay, isIsoDate, presetPeriod, previousPeriod } from "./report-period";

describe("report periods", () => {
  it("resolves presets on a given day (weeks start on Monday)", () => {
    const today = "2026-12-02"; // a Wednesday
    expect(presetPeriod("today", today)).toEqual({ from: "2026-12-02", to: "2026-12-02" });
    expect(presetPeriod("yesterday", today)).toEqual({ from: "2026-12-01", to: "2026-12-01" });
    expect(presetPeriod("week", today)).toEqual({ from: "2026-11-30", to: "2026-12-02" });
    expect(presetPeriod("week", "2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" }); // a Sunday
    expect(presetPeriod("month", today)).toEqual({ from: "2026-12-01", to: "2026-12-02" });
    expect(presetPeriod("last30", "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
  });

  it("compares with the period of the same length right before", () => {
    expect(previousPeriod({ from: "2026-12-01", to: "2026-12-01" })).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(daysOf({ from: "2026-02-27", to: "2026-03-02" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("accepts only real calendar dates and shows dd/mm/aaaa", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("28/02/2026")).toBe(false);
    expect(formatDay("2026-02-28")).toBe("28/02/2026");
  });
});
