import { describe, expect, it } from "vitest";
import { typedToWire } from "./number";

describe("typedToWire: what a person typed, as the wire carries it", () => {
  it.each([
    ["1.500", "1500"],
    ["2,5", "2.5"],
    ["1.234,56", "1234.56"],
    ["12", "12"],
  ])("%s → %s", (typed, wire) => expect(typedToWire(typed)).toBe(wire));

  it("never sends an ambiguous text as a number the server could misread", () => {
    expect(typedToWire("1.50")).not.toMatch(/^-?\d+(\.\d+)?$/);
  });
});
