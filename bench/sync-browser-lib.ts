// Bundled by bench/sync.ts (esbuild, IIFE) and injected into the real terminal page, so the
// benchmark drives the very library the terminal uses, in real Chromium IndexedDB.
import { openPosDb } from "../src/pos/db";
import { enqueueSale, queueSize } from "../src/pos/queue";
import { applyCatalogDelta, lookupBarcode } from "../src/pos/catalog";
import { cartTotal, toDisplay, toSaleInput, type CartLine } from "../src/pos/cart";
import type { PaymentMethod } from "../src/lib/schemas/sale";

/** A one-payment sale built by the terminal's own cart code. */
function buildSale(a: { id: string; registerId: string; cashSessionId: string; method: PaymentMethod; lines: Omit<CartLine, "discount">[] }) {
  const cart = { lines: a.lines.map((l) => ({ ...l, discount: "0" })), discount: "0", customer: null };
  const payments = [{ method: a.method, amount: cartTotal(cart).toFixed(2) }];
  return { sale: toSaleInput(cart, a, payments), display: toDisplay(cart, payments) };
}

(globalThis as unknown as { __posBench: unknown }).__posBench = { openPosDb, enqueueSale, queueSize, lookupBarcode, buildSale, applyCatalogDelta };
