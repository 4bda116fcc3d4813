import { describe, expect, it } from "vitest";
import { lineSubtotal, linesTotal, readCost, readLines, readQuantity } from "./typed-lines";

describe("purchase lines: numbers typed es-AR style", () => {
  it.each([
    ["1.500", "1500"],
    ["1.500,5", "1500.5"],
    ["1,5", "1.5"],
    [",5", "0.5"],
    [" 12 ", "12"],
    ["1.234.567,891", "1234567.891"],
  ])("quantity %s reads as %s", (typed, value) => {
    const r = readQuantity(typed);
    expect(r.ok && r.value.toFixed()).toBe(value);
  });

  it.each([
    ["1.50", /ambiguo.*1,50/],
    ["1.5", /ambiguo/],
    ["1,2345", /hasta 3 decimales/],
    ["-2", /negativo/],
    ["0", /mayor que cero/],
    ["1 500", /espacios/],
    ["abc", /no es un número/],
  ])("quantity %s is refused, the message shows why (%s)", (typed, message) => {
    const r = readQuantity(typed, "Yerba · cantidad");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Yerba · cantidad: /);
    expect(!r.ok && r.message).toMatch(message);
  });

  it("costs take a $ and four decimals, zero allowed", () => {
    const r = readCost("$ 1.234,5678");
    expect(r.ok && r.value.toFixed()).toBe("1234.5678");
    expect(readCost("0").ok).toBe(true);
    expect(readCost("1,23456").ok).toBe(false);
  });

  it("subtotals and totals read what is on screen; unreadable lines add nothing", () => {
    expect(lineSubtotal("1.500", "2,5")!.toFixed()).toBe("3750");
    expect(lineSubtotal("1.50", "2")).toBeNull();
    expect(lineSubtotal("3", "")!.toFixed()).toBe("0");
    expect(linesTotal([{ quantity: "1.500", unitCost: "2" }, { quantity: "x", unitCost: "1" }, { quantity: "2", unitCost: "0,25" }]).toFixed()).toBe("3000.5");
  });

  it("turns every line into wire decimals, or lists every unreadable number with its line", () => {
    const ok = readLines([{ quantity: "1.500", unitCost: "1.234,5", id: "a" }], () => "Yerba");
    expect(ok).toEqual({ ok: true, lines: [{ id: "a", quantity: "1500", unitCost: "1234.5" }] });
    const bad = readLines(
      [
        { quantity: "1.50", unitCost: "10" },
        { quantity: "2", unitCost: "" },
      ],
      (_, i) => `Línea ${i + 1}`,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.messages).toEqual([expect.stringMatching(/^Línea 1 · cantidad: «1.50» es ambiguo/), expect.stringMatching(/^Línea 2 · costo: ingresá un número/)]);
  });
});
