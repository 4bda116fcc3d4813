import { describe, expect, it } from "vitest";
import { matches } from "./cae-request";

const doc = {
  cbteTipo: 6, pointOfSale: 2, receiverDocType: 99, receiverDocNumber: "0", issueDate: "2026-11-24",
  total: "121.00", netAmount: "100.00", ivaAmount: "21.00", currency: "PES",
};
const afip = { cbteTipo: 6, ptoVta: 2, docTipo: 99, docNro: "0", cbteFch: "20261124", impTotal: "121", impNeto: "100", impIva: "21", monId: "PES" };

describe("recovery comparison", () => {
  it("takes AFIP's document as ours only when type, point of sale, receiver, date, currency and amounts agree", () => {
    expect(matches(doc, afip)).toBe(true);
    expect(matches(doc, { ...afip, impTotal: "121.01" })).toBe(false);
    expect(matches(doc, { ...afip, impIva: "20.99" })).toBe(false);
    expect(matches(doc, { ...afip, cbteFch: "20261123" })).toBe(false);
    expect(matches(doc, { ...afip, docTipo: 96, docNro: "12345678" })).toBe(false);
    expect(matches(doc, { ...afip, ptoVta: 3 })).toBe(false);
    expect(matches(doc, { ...afip, monId: "DOL" })).toBe(false);
    expect(matches({ ...doc, receiverDocType: 80, receiverDocNumber: "30500010912" }, { ...afip, docTipo: 80, docNro: "30500010912" })).toBe(true);
  });
});
