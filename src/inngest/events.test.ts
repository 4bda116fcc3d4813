import { describe, expect, it } from "vitest";
import { EVENTS, eventOf, parseEventData } from "./events";

describe("inngest events", () => {
  it("every event has a unique name in <area>/<noun>.<verb> form", () => {
    const names = Object.values(EVENTS).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+\/[a-z-]+\.[a-z]+$/);
  });

  it("eventOf validates the payload before anything is sent", () => {
    const tenantId = "0b9a4c1e-7d2f-4c6a-9e3b-1f2a3b4c5d6e";
    expect(eventOf("replenishmentRequested", { tenantId })).toEqual({ name: "purchasing/replenishment.requested", data: { tenantId } });
    expect(() => eventOf("replenishmentRequested", { tenantId: "nope" })).toThrow();
  });

  it("parseEventData says which event was malformed", () => {
    const r = parseEventData("fiscalDocumentRequested", { tenantId: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^fiscal\/document\.requested: /);
  });
});
