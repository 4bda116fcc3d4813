import { describe, expect, it } from "vitest";
import { readInteger, readNumberField } from "./number-field";

describe("readNumberField: a form's number field, read when committed", () => {
  it.each([
    ["1.500", "quantity", "1500", "1.500"],
    ["1500", "quantity", "1500", "1.500"],
    ["1.500,5", "quantity", "1500.5", "1.500,5"],
    ["1,5", "quantity", "1.5", "1,5"],
    ["1.234.567,89", "money", "1234567.89", "1.234.567,89"],
    [",5", "money", "0.5", "0,5"],
    ["  $ 10.000  ", "money", "10000", "10.000"],
    ["1.899,90", "price", "1899.9", "1.899,9"],
    ["0,1234", "cost", "0.1234", "0,1234"],
    ["21", "percent", "21", "21"],
    ["10,5", "percent", "10.5", "10,5"],
    ["12", "integer", "12", "12"],
    ["1.000", "integer", "1000", "1000"],
  ] as const)("%s as %s → wire %s, shown %s", (typed, kind, wire, shown) => {
    const r = readNumberField(typed, kind);
    expect(r).toEqual({ ok: true, empty: false, wire, text: shown });
  });

  it("leaves an empty field empty (the form decides if it is required)", () => {
    expect(readNumberField("  ", "money")).toEqual({ ok: true, empty: true, wire: "", text: "" });
  });

  it.each([
    ["1.50", "money", /ambiguo.*¿Quisiste decir 1,50\?/],
    ["1,234.56", "money", /punto decimal/],
    ["1 500", "quantity", /espacios/],
    ["-5", "quantity", /se leyó -5: no puede ser negativo/],
    ["1,2345", "quantity", /hasta 3 decimales \(se leyó 1,2345\)/],
    ["1,234", "money", /hasta 2 decimales/],
    ["1,5", "integer", /número entero/],
    ["1.000", "percent", /demasiado grande/],
    ["10.000.000.000.000", "money", /demasiado grande/],
  ] as const)("refuses %s as %s, saying how it was read", (typed, kind, message) => {
    const r = readNumberField(typed, kind, { label: "Campo" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/^Campo: /);
      expect(r.message).toMatch(message);
    }
  });

  it("accepts a negative only where the field allows it", () => {
    expect(readNumberField("-19,58", "percent", { allowNegative: true })).toMatchObject({ ok: true, wire: "-19.58", text: "-19,58" });
  });
});

describe("readInteger: whole numbers typed in forms", () => {
  it("reads es-AR text within the range", () => {
    expect(readInteger("30", { label: "Plazo", min: 0, max: 365 })).toEqual({ ok: true, value: 30 });
    expect(readInteger("1.000", { label: "Minutos", min: 1, max: 9999 })).toEqual({ ok: true, value: 1000 });
  });
  it.each([
    ["1,5", /número entero/],
    ["366", /de 0 a 365/],
    ["-1", /no puede ser negativo/],
    ["", /ingresá un número/],
    ["1.50", /ambiguo/],
  ])("refuses %s", (text, message) => {
    const r = readInteger(text, { label: "Plazo", min: 0, max: 365 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
