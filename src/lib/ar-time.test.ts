import { describe, expect, it } from "vitest";
import { addDays, arDate, arDateTimeIso, arYmd, arYmdHms } from "./ar-time";

describe("Argentina's time", () => {
  it("dates a late-evening instant on Argentina's day, not UTC's", () => {
    const lateOn31 = new Date("2026-12-01T02:30:00Z"); // 30/11 23:30 in Buenos Aires
    expect(arDate(lateOn31)).toBe("2026-11-30");
    expect(arYmd(lateOn31)).toBe("20261130");
    expect(arYmdHms(lateOn31)).toBe("20261130233000");
    expect(arDateTimeIso(lateOn31)).toBe("2026-11-30T23:30:00-03:00");
  });
  it("adds calendar days across months", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
