import { describe, expect, it } from "vitest";
import { formatWhen } from "./when";

describe("formatWhen", () => {
  it("writes dd/mm/aaaa and a 24-hour time in Argentina", () => {
    expect(formatWhen("2026-12-01T23:57:00Z")).toBe("01/12/2026 20:57");
    expect(formatWhen("2026-12-02T02:05:00Z")).toBe("01/12/2026 23:05");
  });
});
