import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/decimal";
import { paymentState } from "./payment-rows";

const total = new Decimal("6900");

describe("payment dialog arithmetic", () => {
  it("an untouched cash row follows what is owed: adding a card lowers it, never change", () => {
    const s = paymentState(total, [
      { method: "CASH", text: "6.900,00", auto: true },
      { method: "DEBIT", text: "3900", auto: false },
    ]);
    expect(s.rows[0]!.text).toBe("3.000,00");
    expect(s.change.toFixed(2)).toBe("0.00");
    expect(s.problem).toBeNull();
  });
  it("typed cash below the total: what is still owed, and then change only from cash", () => {
    const owed = paymentState(total, [{ method: "CASH", text: "5000", auto: false }]);
    expect([owed.owed.toFixed(2), owed.problem, owed.owedExcludingAuto.toFixed(2)]).toEqual(["1900.00", "OWED", "1900.00"]);
    const withChange = paymentState(total, [
      { method: "CASH", text: "5000", auto: false },
      { method: "DEBIT", text: "3.900,00", auto: false },
    ]);
    expect([withChange.change.toFixed(2), withChange.problem]).toEqual(["2000.00", null]);
  });
  it("cards cannot exceed the total; unreadable amounts are refused", () => {
    expect(paymentState(total, [{ method: "CREDIT", text: "7000", auto: false }]).problem).toMatch(/no pueden superar/);
    expect(paymentState(total, [{ method: "CASH", text: "12,345", auto: false }]).problem).toMatch(/Revisá/);
  });
});
