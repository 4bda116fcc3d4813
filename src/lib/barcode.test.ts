import { describe, expect, it } from "vitest";
import { barcodeProblem, isValidBarcode, withCheckDigit } from "./barcode";

describe("barcodeProblem: one rule for the product form, its schema and the CSV import", () => {
  it.each(["7790742000019", "77900005", "036000291452", "17790742000016", "YER1", "INT-001", "2000123", "123"])("accepts %s", (code) => {
    expect(barcodeProblem(code)).toBeNull();
  });

  it.each([
    ["7790742000017", /dígito verificador.*termina en 9/],
    ["77900001", /dígito verificador/],
    ["036000291453", /dígito verificador/],
    ["", /Falta/],
    ["12", /de 3 a 40/],
    ["77 90", /de 3 a 40/],
    ["ñandú", /de 3 a 40/],
    ["x".repeat(41), /de 3 a 40/],
  ])("refuses %s", (code, message) => {
    expect(barcodeProblem(code)).toMatch(message);
  });

  it("agrees with the GTIN check digit helpers", () => {
    const code = withCheckDigit("779074200001");
    expect(isValidBarcode(code)).toBe(true);
    expect(barcodeProblem(code)).toBeNull();
  });
});
