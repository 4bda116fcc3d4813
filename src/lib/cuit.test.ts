import { describe, expect, it } from "vitest";
import { cuitCheckDigit, formatCuit, isValidCuit, makeCuit, normalizeCuit } from "./cuit";

describe("CUIT check digit", () => {
  // Published CUITs of well-known organisations (companies 30, state bodies 33/34).
  it.each([
    ["30-54668997-9", "YPF S.A."],
    ["30-50001091-2", "Banco de la Nación Argentina"],
    ["30-70308853-4", "Mercadolibre S.R.L."],
    ["30-50279317-5", "Arcor S.A.I.C."],
    ["30-63945373-8", "Telecom Argentina S.A."],
    ["33-69345023-9", "AFIP / ARCA"],
    ["34-99903208-9", "Estado provincial"],
  ])("accepts the real CUIT %s (%s)", (cuit) => {
    expect(isValidCuit(cuit)).toBe(true);
  });

  // Persons: 20 (men), 27 (women), and 23/24 when the 20/27 computation gives 10.
  it.each([
    ["20-00000000-1", "20"],
    ["20-17254359-7", "20"],
    ["27-00000000-6", "27"],
    ["23-10000005-9", "23 (the 20 computation of this DNI gives 10)"],
    ["23-10000019-9", "23"],
  ])("accepts %s (prefix %s)", (cuit) => {
    expect(isValidCuit(cuit)).toBe(true);
  });

  it.each([
    ["20123456009", "computed check value 10 mapped to 9 (issue 21)"],
    ["20-10000005-9", "the same: 20 + a DNI whose computation gives 10"],
    ["30-54668997-8", "YPF with the wrong digit"],
    ["30-54668997-0", "YPF with another wrong digit"],
    ["33-69345023-8", "AFIP with the wrong digit"],
    ["30546689979 1", "12 digits"],
    ["3054668997", "10 digits"],
    ["21-54668997-9", "unknown prefix 21"],
    ["30-5466899a-9", "a letter"],
    ["", "empty"],
  ])("refuses %s (%s)", (cuit) => {
    expect(isValidCuit(cuit)).toBe(false);
  });

  it("a DNI whose 20/27/30 computation gives 10 gets 23-…-9 / 23-…-4 / 33-…-9 by the same formula", () => {
    let checked = 0;
    for (let d = 10_000_000; d < 10_001_000; d++) {
      const dni = String(d);
      if (cuitCheckDigit(`20${dni}`) === null) {
        checked++;
        expect(makeCuit("20", dni)).toBeNull();
        expect(cuitCheckDigit(`23${dni}`)).toBe(9);
      }
      if (cuitCheckDigit(`27${dni}`) === null) expect(cuitCheckDigit(`23${dni}`)).toBe(4);
      if (cuitCheckDigit(`30${dni}`) === null) expect(cuitCheckDigit(`33${dni}`)).toBe(9);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("normalizes and formats", () => {
    expect(normalizeCuit(" 30-54668997-9 ")).toBe("30546689979");
    expect(normalizeCuit("30.54668997.9")).toBe("30546689979");
    expect(formatCuit("30546689979")).toBe("30-54668997-9");
    expect(formatCuit("123")).toBe("123");
    expect(makeCuit("30", "54668997")).toBe("30546689979");
  });
});
