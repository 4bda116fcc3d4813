import { describe, expect, it } from "vitest";
import { countReportCsv } from "./report-csv";

describe("countReportCsv", () => {
  it("writes es-AR decimals, quotes what needs it and ends with shrinkage and surplus totals", () => {
    const csv = countReportCsv(
      [
        { productName: 'Yerba "Suave"; 1 kg', sku: "Y1", lotNumber: null, counted: "6.000", expected: "10.000", variance: "-4.000", varianceCost: "-12345.60", counters: ["Ana", "Beto"], stateLabel: "Ajustada" },
        { productName: "Harina", sku: "H1", lotNumber: "L-7", counted: "2.500", expected: "2.000", variance: "0.500", varianceCost: "150.00", counters: ["Ana"], stateLabel: "Lista" },
      ],
      { shrinkageQty: "4.000", shrinkageCost: "12345.60", surplusQty: "0.500", surplusCost: "150.00" },
    );
    const lines = csv.replace("\ufeff", "").trimEnd().split("\r\n");
    expect(lines[1]).toBe('"Yerba ""Suave""; 1 kg";Y1;;6;10;-4;-12345,60;Ana, Beto;Ajustada');
    expect(lines[2]).toBe("Harina;H1;L-7;2,5;2;0,5;150,00;Ana;Lista");
    expect(lines.at(-2)).toBe("Faltante total;;;;;-4;-12345,60");
    expect(lines.at(-1)).toBe("Sobrante total;;;;;0,5;150,00");
  });
});
