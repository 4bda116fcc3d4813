import { describe, expect, it } from "vitest";
import { amt, buildDetailXml } from "./wsfe";
import { afipQrUrl } from "./qr";

// Issue 21 item 2: amounts go to ARCA formatted from decimals, never through a float.
describe("amounts on the wire", () => {
  it("rounds half-up in decimal arithmetic (a float turns 1.005 into 1.00)", () => {
    expect(amt("1.005")).toBe("1.01");
    expect(amt("8.345")).toBe("8.35");
    expect(amt("999999999999.99")).toBe("999999999999.99");
    expect(amt("0")).toBe("0.00");
  });

  it("writes the detail's amounts exactly as the decimals say", () => {
    const xml = buildDetailXml({
      concepto: 1, docTipo: 99, docNro: "0", cbteDesde: 1, cbteHasta: 1, cbteFch: "20261201",
      impTotal: "1.005", impTotConc: "0", impNeto: "0.83", impOpEx: "0", impTrib: "0", impIva: "0.175",
      monId: "PES", monCotiz: "1", condicionIvaReceptorId: 5,
      iva: [{ id: 5, baseImp: "0.83", importe: "0.175" }],
    });
    expect(xml).toContain("<ar:ImpTotal>1.01</ar:ImpTotal>");
    expect(xml).toContain("<ar:ImpIVA>0.18</ar:ImpIVA>");
    expect(xml).toContain("<ar:Importe>0.18</ar:Importe>");
  });

  it("puts the QR amount in the JSON as a decimal with two places", () => {
    const url = afipQrUrl({
      date: "2026-12-01", cuit: "20111111112", pointOfSale: 3, cbteTipo: 6, number: 1, total: "1.005",
      receiverDocType: 99, receiverDocNumber: "0", cae: "71234567890123",
    });
    const raw = Buffer.from(url.split("?p=")[1]!, "base64").toString("utf8");
    expect(raw).toContain('"importe":1.01,');
  });
});
