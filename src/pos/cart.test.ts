import { describe, expect, it } from "vitest";
import { addProduct, cartProblem, cartTotal, emptyCart, newId, parseAmount, parseScan, removeLine, toDisplay, toSaleInput, updateLine } from "./cart";
import { ZSaleInput } from "../lib/schemas/sale";

describe("terminal cart", () => {
  it("adds, merges a repeated scan at the same price, applies line and ticket discounts in decimals", () => {
    let c = emptyCart();
    c = addProduct(c, { id: "a", name: "A", salePrice: "0.10" }, "3");
    c = addProduct(c, { id: "a", name: "A", salePrice: "0.1000" });
    c = addProduct(c, { id: "b", name: "B", salePrice: "1200.50" }, "1.5");
    expect(c.lines).toHaveLength(2);
    expect(c.lines[0]!.quantity).toBe("4");
    c = updateLine(c, 1, { discount: "0.75" });
    c = { ...c, discount: "0.40" };
    expect(cartTotal(c).toFixed(2)).toBe("1800.00"); // 0.40 + 1800.75 − 0.75 − 0.40
  });
  it("keeps a product whose price changed on its own line", () => {
    let c = addProduct(emptyCart(), { id: "a", name: "A", salePrice: "100" });
    c = addProduct(c, { id: "a", name: "A", salePrice: "120" });
    expect(c.lines.map((l) => [l.unitPrice, l.quantity])).toEqual([["100", "1"], ["120", "1"]]);
  });
  it("removing the last line drops the ticket discount", () => {
    const c = { ...addProduct(emptyCart(), { id: "a", name: "A", salePrice: "100" }), discount: "10" };
    expect(removeLine(c, 0)).toEqual({ lines: [], discount: "0", customer: null });
  });
  it("parses quantity prefixes and es-AR amounts, refusing ambiguous ones", () => {
    expect(parseScan("3*7790001")).toEqual({ quantity: "3", code: "7790001" });
    expect(parseScan("1,5 x 123")).toEqual({ quantity: "1.5", code: "123" });
    expect(parseScan("7790001")).toEqual({ quantity: "1", code: "7790001" });
    expect(parseAmount("1.234,50")).toBe("1234.50");
    expect(parseAmount("10.000")).toBe("10000.00");
    expect(parseAmount("$ 100")).toBe("100.00");
    expect(parseAmount("12,345")).toBeNull();
    expect(parseAmount("1.5")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
  });
  it("says why a cart cannot be charged", () => {
    expect(cartProblem(emptyCart())).toMatch(/Agregá/);
    const c = addProduct(emptyCart(), { id: "a", name: "A", salePrice: "100" });
    expect(cartProblem(updateLine(c, 0, { quantity: "0" }))).toMatch(/cantidad de «A»/);
    expect(cartProblem(updateLine(c, 0, { discount: "150" }))).toMatch(/descuento de «A»/);
    expect(cartProblem({ ...c, discount: "101" })).toMatch(/superan/);
    expect(cartProblem(c)).toBeNull();
  });
  it("builds a sale the shared schema accepts and a display with the same total and change", () => {
    const c = { ...addProduct(emptyCart(), { id: crypto.randomUUID(), name: "A", salePrice: "3500.00" }, "2"), discount: "500" };
    const id = crypto.randomUUID();
    const payments = [
      { method: "DEBIT" as const, amount: "3000.00" },
      { method: "CASH" as const, amount: "5000.00" },
    ];
    expect(ZSaleInput.safeParse(toSaleInput(c, { id, registerId: id, cashSessionId: id }, payments)).success).toBe(true);
    const d = toDisplay(c, payments);
    expect([d.total, d.subtotal, d.discount, d.change]).toEqual(["6500.00", "7000.00", "500.00", "1500.00"]);
  });
  it("makes v4 UUIDs the schema accepts, also without crypto.randomUUID", () => {
    const original = crypto.randomUUID;
    try {
      (crypto as { randomUUID?: unknown }).randomUUID = undefined;
      const ids = new Set(Array.from({ length: 100 }, () => newId()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      (crypto as { randomUUID?: unknown }).randomUUID = original;
    }
  });
});
