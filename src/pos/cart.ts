import { Decimal } from "../lib/decimal";
import { parseEsAr, toWire } from "../lib/number";
import type { TSaleInput } from "../lib/schemas/sale";
import type { SaleDisplay } from "./types";

// The terminal's one cart: pure functions over decimal strings, mirroring the server's
// createSale arithmetic (line = round2(qty × price) − line discount; total = Σ lines −
// ticket discount). Plain data, so it can be stored as is and survive a reload.

export type CartLine = { productId: string; name: string; unitPrice: string; quantity: string; discount: string };
export type CartCustomer = { id: string; name: string; doc: string; ivaCondition?: string };
export type Cart = { lines: CartLine[]; discount: string; customer: CartCustomer | null };

export const emptyCart = (): Cart => ({ lines: [], discount: "0", customer: null });

export const lineTotal = (l: CartLine) => new Decimal(l.quantity || 0).times(l.unitPrice).toDecimalPlaces(2).minus(l.discount || 0);
export const cartSubtotal = (c: Cart) => c.lines.reduce((acc, l) => acc.plus(lineTotal(l)), new Decimal(0));
export const cartTotal = (c: Cart) => cartSubtotal(c).minus(c.discount || 0);

/**
 * The one merge rule for a repeated scan: the same product AT THE SAME PRICE adds to its
 * line; a product whose price changed meanwhile (catalog refresh) gets its own line, so a
 * line never mixes two prices.
 */
export function addProduct(c: Cart, p: { id: string; name: string; salePrice: string }, quantity = "1"): Cart {
  const i = c.lines.findIndex((l) => l.productId === p.id && new Decimal(l.unitPrice).eq(p.salePrice));
  if (i >= 0) {
    const lines = [...c.lines];
    lines[i] = { ...lines[i]!, quantity: new Decimal(lines[i]!.quantity || 0).plus(quantity).toString() };
    return { ...c, lines };
  }
  return { ...c, lines: [...c.lines, { productId: p.id, name: p.name, unitPrice: p.salePrice, quantity, discount: "0" }] };
}

export const updateLine = (c: Cart, index: number, patch: Partial<CartLine>): Cart => ({
  ...c,
  lines: c.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
});

/** Removing the last line also drops the ticket discount (the next ticket starts clean). */
export function removeLine(c: Cart, index: number): Cart {
  const lines = c.lines.filter((_, i) => i !== index);
  return lines.length === 0 ? { ...c, lines, discount: "0" } : { ...c, lines };
}

/** Parses "3*7790001" (quantity prefix) into {quantity, code}. */
export function parseScan(text: string): { quantity: string; code: string } {
  const m = /^\s*(\d+(?:[.,]\d{1,3})?)\s*[*xX]\s*(.+)$/.exec(text);
  const q = m ? parseEsAr(m[1]!, { maxScale: 3 }) : null;
  if (m && q?.ok) return { quantity: toWire(q.value), code: m[2]!.trim() };
  return { quantity: "1", code: text.trim() };
}

/**
 * What a cashier types as money, read as es-AR writes it: "1.234,50", "1234,5", "10.000"
 * (ten thousand), "$ 100". Refuses what is ambiguous ("12,345" or "1.5") instead of guessing.
 */
export function parseAmount(text: string): string | null {
  // The shared es-AR reader (lib/number.ts): one parser for every field of the app.
  const r = parseEsAr(text, { maxScale: 2, maxIntegerDigits: 12 });
  return r.ok ? r.value.toFixed(2) : null;
}

/** Why the cart cannot be charged yet (Spanish, for the cashier), or null. */
export function cartProblem(c: Cart): string | null {
  if (c.lines.length === 0) return "Agregá al menos un producto antes de cobrar.";
  const bad = c.lines.find((l) => !/^\d+(\.\d{1,3})?$/.test(l.quantity) || new Decimal(l.quantity).lte(0));
  if (bad) return `La cantidad de «${bad.name}» no es válida.`;
  const over = c.lines.find((l) => lineTotal(l).lt(0));
  if (over) return `El descuento de «${over.name}» supera el importe de la línea.`;
  if (cartTotal(c).lt(0)) return "Los descuentos superan el total.";
  return null;
}

export type Payment = TSaleInput["payments"][number];

export function toSaleInput(c: Cart, ids: { id: string; registerId: string; cashSessionId: string }, payments: Payment[], now = new Date()): TSaleInput {
  return {
    id: ids.id,
    registerId: ids.registerId,
    cashSessionId: ids.cashSessionId,
    customerId: c.customer?.id,
    createdAt: now.toISOString(),
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

/** Change = what was tendered over the total (only cash may exceed it). */
export function changeFor(total: Decimal, payments: Payment[]): Decimal {
  const paid = payments.reduce((acc, p) => acc.plus(p.amount), new Decimal(0));
  return Decimal.max(paid.minus(total), 0);
}

/** What the ticket shows, computed once at charge time: a reprint can never show another total. */
export function toDisplay(c: Cart, payments: Payment[], extra: { localNumber?: string; registerName?: string } = {}): SaleDisplay {
  const total = cartTotal(c);
  return {
    total: total.toFixed(2),
    subtotal: cartSubtotal(c).toFixed(2),
    discount: new Decimal(c.discount || 0).toFixed(2),
    lines: c.lines.map((l) => ({ productId: l.productId, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, discount: new Decimal(l.discount || 0).toFixed(2) })),
    payments: payments.map((p) => ({ method: p.method, amount: p.amount })),
    change: changeFor(total, payments).toFixed(2),
    customer: c.customer ? { name: c.customer.name, doc: c.customer.doc, ivaCondition: c.customer.ivaCondition } : null,
    ...extra,
  };
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts (https/localhost). */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Kept across reloads and browser restarts until charged or cleared, one cart per tab: tab-cart.ts.
