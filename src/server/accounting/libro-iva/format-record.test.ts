import { describe, expect, it } from "vitest";
import { formatRecord } from "./format-record";
import type { RecordDesign } from "./record-design";

const design: RecordDesign = { file: "PRUEBA", length: 25, fields: [{ key: "importe", label: "Importe", length: 15, kind: "AMT" }, { key: "nombre", label: "Nombre", length: 10, kind: "A" }] };
const amount = (v: string) => formatRecord(design, { importe: v, nombre: "" }).slice(0, 15);

describe("fixed-width fields", () => {
  it("formats amounts from the database's text by string exactly as the decimal path does", () => {
    // Up to 2 decimals take the string path; 3 decimals force the decimal.js path: same figures, same output.
    for (const [plain, general] of [
      ["12.3", "12.300"],
      ["1234567.89", "1234567.890"],
      ["-0.5", "-0.500"],
      ["-0.00", "-0.000"],
      ["0", "0.000"],
      ["007", "7.000"],
      ["-1520", "-1520.000"],
    ]) {
      expect(amount(plain!)).toBe(amount(general!));
    }
    expect(amount("1234.5")).toBe("000000000123450");
    expect(amount("-12.34")).toBe("-00000000001234");
    expect(amount("")).toBe("000000000000000");
    expect(() => amount("12345678901234")).toThrow(RangeError);
  });

  it("formats the exchange rate 1 (every peso record) as the decimal path does", () => {
    const rate: RecordDesign = { file: "PRUEBA", length: 10, fields: [{ key: "tc", label: "Tipo de cambio", length: 10, kind: "RATE" }] };
    expect(formatRecord(rate, { tc: "1" })).toBe(formatRecord(rate, { tc: "1.000000" }));
    expect(formatRecord(rate, { tc: "1" })).toBe("0001000000");
    expect(formatRecord(rate, { tc: "1050.5" })).toBe("1050500000");
  });

  it("keeps printable ASCII as is and maps the rest to ISO-8859-1", () => {
    expect(formatRecord(design, { importe: "0", nombre: "PEREZ SA" }).slice(15)).toBe("PEREZ SA  ");
    expect(formatRecord(design, { importe: "0", nombre: "Muñoz\u0007€" }).slice(15)).toBe("Muñoz ?   ");
  });
});
