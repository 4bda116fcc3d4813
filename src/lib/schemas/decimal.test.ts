import { describe, expect, it } from "vitest";
import { zCost, zMoney, zPercent, zQuantity } from "./decimal";
import { ZId } from "./ids";

const ok = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, v: unknown) => {
  const r = schema.safeParse(v);
  expect(r.success, `expected ${JSON.stringify(v)} to pass`).toBe(true);
  return r.data;
};
const message = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  expect(r.success, `expected ${JSON.stringify(v)} to fail`).toBe(false);
  return r.error!.issues[0]!.message;
};

describe("shared decimal schemas", () => {
  it("accept wire values and es-AR text, output the canonical decimal string", () => {
    const m = zMoney("Importe");
    expect(ok(m, 1500.5)).toBe("1500.5");
    expect(ok(m, "1500.50")).toBe("1500.50"); // canonical strings pass through as sent
    expect(ok(m, " 7 ")).toBe("7");
    expect(ok(m, "10.000,00")).toBe("10000");
    expect(ok(m, "1.899,90")).toBe("1899.9");
    expect(ok(m, "$ 1.234,56")).toBe("1234.56");
    expect(ok(zQuantity(), "1,5")).toBe("1.5");
    expect(ok(zQuantity(), "1.234.567")).toBe("1234567");
    expect(ok(zCost(), "0,1234")).toBe("0.1234");
  });

  it("limits come from the column: scale and integer digits", () => {
    expect(message(zMoney("Precio de venta"), "12,345")).toBe("Precio de venta: usá un número con hasta 2 decimales (se leyó 12,345)");
    expect(ok(zMoney(), "999999999999.99")).toBe("999999999999.99");
    expect(message(zMoney(), "1000000000000")).toMatch(/demasiado grande/);
    expect(message(zQuantity(), "1,2345")).toMatch(/hasta 3 decimales/);
    expect(message(zCost(), "1,23456")).toMatch(/hasta 4 decimales/);
    expect(message(zPercent(), "1.000,5")).toMatch(/demasiado grande/);
    expect(message(zMoney(), "x".repeat(41))).toMatch(/demasiado largo/);
  });

  it("refuses ambiguous text with the reading and negatives unless allowed", () => {
    expect(message(zQuantity("Cantidad"), "1.500,5.0")).toMatch(/^Cantidad: /);
    expect(message(zMoney("Importe"), "1,234.56")).toMatch(/punto decimal/);
    expect(message(zMoney(), "-5")).toMatch(/no puede ser negativo/);
    expect(ok(zPercent("Desvío", { allowNegative: true }), "-19,58")).toBe("-19.58");
    expect(message(zMoney("Importe"), Number.NaN)).toBe("Importe: ingresá un número");
  });

  it("positive and empty rules", () => {
    const q = zQuantity("Cantidad", { positive: "La cantidad debe ser mayor que cero" });
    expect(message(q, "0")).toBe("La cantidad debe ser mayor que cero");
    expect(message(q, "0,000")).toBe("La cantidad debe ser mayor que cero");
    expect(message(q, "")).toMatch(/ingresá un número/);
    expect(ok(zQuantity("Stock mínimo", { emptyAsZero: true }), " ")).toBe("0");
  });

  it("ids are UUIDs", () => {
    expect(ok(ZId, "0b9a4c1e-7d2f-4c6a-9e3b-1f2a3b4c5d6e")).toBe("0b9a4c1e-7d2f-4c6a-9e3b-1f2a3b4c5d6e");
    expect(message(ZId, "1 or 1=1")).toBe("Identificador inválido");
  });
});
