import { Decimal } from "@/lib/decimal";
import type { TSaleInput } from "@/lib/schemas/sale";

// The POS cart: pure functions over decimal strings, mirroring the server's arithmetic
// (line = round2(qty × price) − discount; total = Σ lines − ticket discount).

export type CartLine = { productId: string; name: string; unitPrice: string; quantity: string; discount: string };
export type Cart = { lines: CartLine[]; discount: string };

export const emptyCart = (): Cart => ({ lines: [], discount: "0" });

export const lineTotal = (l: CartLine) =>
  new Decimal(l.quantity || 0).times(l.unitPrice).toDecimalPlaces(2).minus(l.discount || 0);

export const cartSubtotal = (c: Cart) => c.lines.reduce((acc, l) => acc.plus(lineTotal(l)), new Decimal(0));
export const cartTotal = (c: Cart) => cartSubtotal(c).minus(c.discount || 0);

/** Adds a product; scanning the same product again adds to its line. */
export function addProduct(c: Cart, p: { id: string; name: string; sale_price: string }, quantity = "1"): Cart {
  const i = c.lines.findIndex((l) => l.productId === p.id);
  if (i >= 0) {
    const lines = [...c.lines];
    lines[i] = { ...lines[i]!, quantity: new Decimal(lines[i]!.quantity).plus(quantity).toString() };
    return { ...c, lines };
  }
  return { ...c, lines: [...c.lines, { productId: p.id, name: p.name, unitPrice: p.sale_price, quantity, discount: "0" }] };
}

export const updateLine = (c: Cart, index: number, patch: Partial<CartLine>): Cart => ({
  ...c,
  lines: c.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
});
export const removeLine = (c: Cart, index: number): Cart => ({ ...c, lines: c.lines.filter((_, i) => i !== index) });

/** Parses "3*7790001" (quantity prefix) into {quantity, code}. */
export function parseScan(text: string): { quantity: string; code: string } {
  const m = /^\s*(\d+(?:[.,]\d{1,3})?)\s*[*xX]\s*(.+)$/.exec(text);
  if (m) return { quantity: m[1]!.replace(",", "."), code: m[2]!.trim() };
  return { quantity: "1", code: text.trim() };
}

/** Normalizes "1.234,50" / "1234,5" / "1234.5" typed by a cashier into "1234.50". */
export function parseAmount(text: string): string | null {
  let t = text.trim().replace(/\$|\s/g, "");
  if (!t) return null;
  if (t.includes(",")) t = t.replace(/\./g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return new Decimal(t).toFixed(2);
}

export function toSaleInput(
  c: Cart,
  ids: { id: string; registerId: string; cashSessionId: string; customerId?: string },
  payments: TSaleInput["payments"],
): TSaleInput {
  return {
    id: ids.id,
    registerId: ids.registerId,
    cashSessionId: ids.cashSessionId,
    customerId: ids.customerId,
    createdAt: new Date().toISOString(),
    lines: c.lines.map((l) => ({
      productId: l.productId,
      quantity: new Decimal(l.quantity).toString(),
      unitPrice: new Decimal(l.unitPrice).toString(),
      discount: new Decimal(l.discount || 0).isZero() ? undefined : new Decimal(l.discount).toFixed(2),
    })),
    discount: new Decimal(c.discount || 0).isZero() ? undefined : new Decimal(c.discount).toFixed(2),
    payments,
  };
}

/** A v4 UUID for the sale; crypto.randomUUID exists only in secure contexts (https/localhost). */
export function newSaleId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
