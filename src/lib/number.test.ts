import { describe, expect, it } from "vitest";
import { Decimal } from "./decimal";
import { formatMoney, formatNumber, formatPercent, formatQuantity, parseEsAr, readDecimal, toInputText, toWire } from "./number";

const value = (text: string, opts = {}) => {
  const r = parseEsAr(text, opts);
  if (!r.ok) throw new Error(`refused «${text}»: ${r.message}`);
  return r.value.toFixed();
};
const refusal = (text: string, opts = {}) => {
  const r = parseEsAr(text, opts);
  if (r.ok) throw new Error(`«${text}» read as ${r.value.toFixed()}`);
  return r.message;
};

describe("parseEsAr: what people type", () => {
  it.each([
    ["10.000", "10000"],
    ["1.500", "1500"],
    ["1.234,56", "1234.56"],
    ["1.500,5", "1500.5"],
    ["1,5", "1.5"],
    ["1.234.567,89", "1234567.89"],
    [",5", "0.5"],
    ["0,25", "0.25"],
    ["1500", "1500"],
    ["1500,75", "1500.75"],
    ["0", "0"],
    ["007", "7"],
    ["1.899,90", "1899.9"],
    ["  1.500  ", "1500"],
    ["$1.500", "1500"],
    ["$ 1.500,50", "1500.5"],
    ["$\u00a01.234,56", "1234.56"],
    ["12.345.678", "12345678"],
    ["999", "999"],
  ])("reads «%s» as %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ["-1.500", "-1500"],
    ["-1,5", "-1.5"],
    ["\u22121,5", "-1.5"],
    ["-$ 1.234,56", "-1234.56"],
    ["$ -1.234,56", "-1234.56"],
    ["- 19,58", "-19.58"],
  ])("reads «%s» as %s where negatives are allowed", (text, expected) => {
    expect(value(text, { allowNegative: true })).toBe(expected);
  });

  it("refuses negatives where not allowed, showing the reading", () => {
    expect(refusal("-1.500", { label: "Cantidad" })).toBe("Cantidad: se leyó -1.500: no puede ser negativo");
    expect(value("-0")).toBe("0");
  });

  it.each([
    ["1.50", /ambiguo.*¿Quisiste decir 1,50\?/],
    ["1.5", /ambiguo.*¿Quisiste decir 1,5\?/],
    ["12.34", /ambiguo/],
    ["1234.567", /ambiguo/],
    ["1.2345", /ambiguo/],
    ["1,234.56", /punto decimal/],
    ["1.234.56", /mal ubicados/],
    ["12.34.567", /mal ubicados/],
    ["1.234,5,6", /más de una coma/],
    ["1 500", /espacios/],
    ["1,", /no es un número/],
    ["abc", /no es un número/],
    ["1e5", /no es un número/],
    ["--1", /no se entiende|no es un número/],
    ["$", /no es un número/],
    ["", /ingresá un número/],
    ["   ", /ingresá un número/],
    ["0x10", /no es un número/],
    ["Infinity", /no es un número/],
  ])("refuses «%s»", (text, message) => {
    expect(refusal(text, { allowNegative: true })).toMatch(message);
  });

  it("shows the text it could not read", () => {
    expect(refusal("1.50", { label: "Precio" })).toMatch(/^Precio: «1\.50» es ambiguo/);
  });

  it("enforces the field's scale and size, saying how it read the value", () => {
    expect(refusal("1,2345", { maxScale: 2, label: "Importe" })).toBe("Importe: usá un número con hasta 2 decimales (se leyó 1,2345)");
    expect(value("1,2300", { maxScale: 2 })).toBe("1.23");
    expect(refusal("1.000.000", { maxIntegerDigits: 6 })).toBe("se leyó 1.000.000: es demasiado grande");
    expect(value("999.999,99", { maxIntegerDigits: 6, maxScale: 2 })).toBe("999999.99");
  });
});

describe("readDecimal: the wire or typed text", () => {
  it("reads numbers and canonical decimal strings as machines write them", () => {
    const read = (v: string | number) => {
      const r = readDecimal(v, { allowNegative: true });
      return r.ok ? r.value.toFixed() : r.message;
    };
    expect(read(1500.5)).toBe("1500.5");
    expect(read("1500.50")).toBe("1500.5");
    // Our own API writes quantities with three decimals: "7.000" is seven here.
    expect(read("7.000")).toBe("7");
    expect(read("-2.5")).toBe("-2.5");
    // Anything else is es-AR text.
    expect(read("1.234,56")).toBe("1234.56");
    expect(read("1,5")).toBe("1.5");
    expect(read("1.234.567")).toBe("1234567");
    expect(read(Number.NaN)).toMatch(/no es un número/);
    expect(read(Number.POSITIVE_INFINITY)).toMatch(/no es un número/);
    expect(read("1.5.0")).toMatch(/mal ubicados/);
  });
});

describe("formatting", () => {
  it.each([
    ["1234.56", "1.234,56"],
    ["1500", "1.500"],
    ["1500.5", "1.500,5"],
    ["0.5", "0,5"],
    ["-1234567.891", "-1.234.567,891"],
    ["0.0004", "0"],
    ["-0.0004", "0"],
    ["999999999999.9999", "1.000.000.000.000"],
  ])("formatNumber(%s) = %s", (v, expected) => {
    expect(formatNumber(v)).toBe(expected);
  });

  it("money matches Intl's es-AR currency text, exactly and without floats", () => {
    const intl = new Intl.NumberFormat("es-AR", { style: "currency", currency: "ARS" });
    for (const v of ["0", "1", "-1", "1234.5", "1234567.89", "-98765.43", "0.01", "10000000"]) {
      expect(formatMoney(v)).toBe(intl.format(Number(v)));
    }
    // Beyond float precision Intl would round; we do not.
    expect(formatMoney("123456789012.34")).toBe("$\u00a0123.456.789.012,34");
    expect(formatMoney("0.005")).toBe("$\u00a00,01");
    expect(formatMoney("-0.001")).toBe("$\u00a00,00");
  });

  it("quantities, percents and edit-form text", () => {
    expect(formatQuantity("1.500")).toBe("1,5");
    expect(formatQuantity("3000.000")).toBe("3.000");
    expect(formatPercent("-19.58")).toBe("-19,58\u00a0%");
    expect(formatPercent("21")).toBe("21\u00a0%");
    expect(toInputText(null)).toBe("");
    expect(toInputText("3000.0000")).toBe("3.000");
    expect(toInputText("1.5000")).toBe("1,5");
  });

  it("every formatted value reads back to itself (round trip)", () => {
    for (const v of ["0", "1", "1.5", "1500", "1500.5", "1234567.89", "0.001", "999", "1000", "100000.25", "12.345"]) {
      const text = formatNumber(v, { maxDecimals: 4 });
      expect(value(text)).toBe(new Decimal(v).toFixed());
      expect(value(formatMoney(v).replace("$\u00a0", "$ ")).length).toBeGreaterThan(0);
    }
  });

  it("toWire never uses exponent notation", () => {
    expect(toWire("1e21")).toBe("1000000000000000000000");
    expect(toWire("0.0000001")).toBe("0.0000001");
  });
});
