import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime } from "./format";

describe("dates and times: dd/mm/aaaa and 24 h in the business's time zone", () => {
  it("writes an evening instant with a two-digit day and month and a 24-hour time", () => {
    const t = new Date("2026-12-01T21:14:00Z"); // 18:14 in Buenos Aires
    expect(formatDate(t)).toBe("01/12/2026");
    expect(formatDateTime(t)).toBe("01/12/2026 18:14");
    expect(formatTime(t)).toBe("18:14");
  });
  it("puts a late sale on Argentina's day, not UTC's", () => {
    expect(formatDateTime("2027-01-01T02:30:00Z")).toBe("31/12/2026 23:30");
    expect(formatDateTime("2026-06-01T03:05:00Z")).toBe("01/06/2026 00:05");
  });
  it("uses another zone when the business has one", () => {
    expect(formatDateTime("2026-12-01T21:14:00Z", "Europe/Madrid")).toBe("01/12/2026 22:14");
  });
});

describe("the business's time zone", () => {
  it("reads the zone from the settings, falling back to Buenos Aires for missing or unknown ones", async () => {
    const { businessTimeZone } = await import("./business-settings");
    expect(businessTimeZone({ timezone: "America/Argentina/Ushuaia" })).toBe("America/Argentina/Ushuaia");
    expect(businessTimeZone({ timezone: "Europe/Madrid" })).toBe("Europe/Madrid");
    expect(businessTimeZone({ timezone: "Marte/Olympus" })).toBe("America/Argentina/Buenos_Aires");
    expect(businessTimeZone({})).toBe("America/Argentina/Buenos_Aires");
    expect(businessTimeZone(null)).toBe("America/Argentina/Buenos_Aires");
  });
  it("puts an instant on the zone's calendar day", async () => {
    const { calendarDateIn } = await import("./format");
    const t = "2026-12-01T23:30:00Z";
    expect(calendarDateIn(t, "America/Argentina/Buenos_Aires")).toBe("2026-12-01");
    expect(calendarDateIn(t, "Europe/Madrid")).toBe("2026-12-02");
  });
  it("keeps Argentina's zone as the server's default (requests of different businesses share the module)", async () => {
    const { displayTimeZone, setDisplayTimeZone } = await import("./format");
    setDisplayTimeZone("Europe/Madrid");
    expect(displayTimeZone()).toBe("America/Argentina/Buenos_Aires");
  });
});
