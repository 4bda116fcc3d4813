import { Decimal } from "../lib/decimal";
import type { PaymentMethod, TSaleInput } from "../lib/schemas/sale";
import type { SaleDisplay, StoredProduct } from "./types";

// Pure cart arithmetic for the offline register, matching the server's createSale rounding
// (line total = quantity × unit price rounded to cents, minus discount).

export type CartLine = { productId: string; name: string; quantity: string; unitPrice: string };

export function addToCart(lines: CartLine[], p: Pick<StoredProduct, "id" | "name" | "salePrice">, quantity = "1"): CartLine[] {
  const i = lines.findIndex((l) => l.productId === p.id && l.unitPrice === p.salePrice);
  if (i >= 0) {
    const next = [...lines];
    next[i] = { ...next[i]!, quantity: new Decimal(next[i]!.quantity).plus(quantity).toString() };
    return next;
  }
  return [...lines, { productId: p.id, name: p.name, quantity, unitPrice: p.salePrice }];
}

export const lineTotal = (l: CartLine) => new Decimal(l.quantity).times(l.unitPrice).toDecimalPlaces(2);

export const cartTotal = (lines: CartLine[]) => lines.reduce((acc, l) => acc.plus(lineTotal(l)), new Decimal(0));

export function buildSale(args: {
  id: string;
  registerId: string;
  cashSessionId: string;
  lines: CartLine[];
  method: PaymentMethod;
  tendered?: string;
  now?: Date;
}): { sale: TSaleInput; display: SaleDisplay; change: string } {
  const total = cartTotal(args.lines);
  const tendered = args.method === "CASH" && args.tendered ? new Decimal(args.tendered) : total;
  if (tendered.lt(total)) throw new RangeError(`Falta cobrar $ ${total.minus(tendered).toFixed(2)}`);
  const sale: TSaleInput = {
    id: args.id,
    registerId: args.registerId,
    cashSessionId: args.cashSessionId,
    createdAt: (args.now ?? new Date()).toISOString(),
    lines: args.lines.map((l) => ({ productId: l.productId, quantity: new Decimal(l.quantity).toFixed(3), unitPrice: new Decimal(l.unitPrice).toFixed(4) })),
    payments: [{ method: args.method, amount: tendered.toFixed(2) }],
  };
  return {
    sale,
    display: { total: total.toFixed(2), lines: args.lines.map((l) => ({ ...l })) },
    change: tendered.minus(total).toFixed(2),
  };
}
