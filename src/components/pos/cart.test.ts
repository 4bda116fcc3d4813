import { describe, expect, it } from "vitest";
import { addProduct, cartTotal, emptyCart, newSaleId, parseAmount, parseScan, toSaleInput, updateLine } from "./cart";
import { ZSaleInput } from "@/lib/schemas/sale";

describe("POS cart", () => {
  it("adds, merges scans, applies line and ticket discounts in decimals", () => {
    let c = emptyCart();
    c = addProduct(c, { id: "a", name: "A", sale_price: "0.10" }, "3");
    c = addProduct(c, { id: "a", name: "A", sale_price: "0.10" });
    c = addProduct(c, { id: "b", name: "B", sale_price: "1200.50" }, "1.5");
    expect(c.lines).toHaveLength(2);
    expect(c.lines[0]!.quantity).toBe("4");
    c = updateLine(c, 1, { discount: "0.75" });
    c = { ...c, discount: "0.40" };
    expect(cartTotal(c).toFixed(2)).toBe("1800.00"); // 0.40 + 1800.75 − 0.75 − 0.40
  });
  it("parses quantity prefixes and es-AR amounts", () => {
    expect(parseScan("3*7790001")).toEqual({ quantity: "3", code: "7790001" });
    expect(parseScan("1,5 x 123")).toEqual({ quantity: "1.5", code: "123" });
    expect(parseScan("7790001")).toEqual({ quantity: "1", code: "7790001" });
    expect(parseAmount("1.234,50")).toBe("1234.50");
    expect(parseAmount("$ 100")).toBe("100.00");
    expect(parseAmount("12,345")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
  });
  it("builds a sale input the shared schema accepts", () => {
    const c = addProduct(emptyCart(), { id: crypto.randomUUID(), name: "A", sale_price: "3500.00" }, "2");
    const id = crypto.randomUUID();
    const input = toSaleInput(c, { id, registerId: id, cashSessionId: id }, [{ method: "CASH", amount: "7000.00" }]);
    expect(ZSaleInput.safeParse(input).success).toBe(true);
  });
  it("makes v4 UUIDs the schema accepts, also without crypto.randomUUID", () => {
    const original = crypto.randomUUID;
    try {
      (crypto as { randomUUID?: unknown }).randomUUID = undefined;
      const ids = new Set(Array.from({ length: 100 }, () => newSaleId()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      (crypto as { randomUUID?: unknown }).randomUUID = original;
    }
  });
});
