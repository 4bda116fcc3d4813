import { z } from "zod";
import { zMoney, zPrice, zQuantity } from "./decimal";

// Shared by the server (createSale) and the offline POS client (queued sales), so both
// validate the exact same shape. Amounts and quantities are decimal strings, never floats.

/** Quantity > 0 with up to 3 decimals (kg, l, units). */
export const ZQuantity = zQuantity("Cantidad", { positive: "La cantidad debe ser mayor que cero" });
/** Unit price (gross, IVA included) with up to 4 decimals. */
export const ZUnitPrice = zPrice("Precio");
/** Money amount ≥ 0 with up to 2 decimals. */
export const ZMoney = zMoney("Importe");

export const PAYMENT_METHODS = ["CASH", "DEBIT", "CREDIT", "TRANSFER"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CASH: "Efectivo",
  DEBIT: "Débito",
  CREDIT: "Crédito",
  TRANSFER: "Transferencia",
};

export const ZSaleLineInput = z.object({
  productId: z.uuid(),
  quantity: ZQuantity,
  /** Price per unit at the time of sale (gross, IVA included). */
  unitPrice: ZUnitPrice,
  /** Discount AMOUNT (money, not a percentage) taken off this line's total. */
  discount: ZMoney.optional(),
});

export const ZSalePaymentInput = z.object({
  method: z.enum(PAYMENT_METHODS),
  /** Amount tendered. Only CASH may exceed what is owed; the excess is the change. */
  amount: ZMoney,
});

/** How a sale is charged instead of paid: to the customer's account or to an open folio. */
export const ZSaleCharge = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ACCOUNT"),
    customerId: z.uuid(),
    /**
     * Over the credit limit: the signed grant a supervisor obtained online (billing.authorizeCreditOverride).
     * Never credentials: the sale is stored in the terminal's offline queue.
     */
    override: z.object({ grant: z.string().min(1).max(1000) }).optional(),
  }),
  z.object({ kind: z.literal("ROOM"), folioId: z.uuid() }),
]);
export type TSaleCharge = z.infer<typeof ZSaleCharge>;

export const ZSaleInput = z.object({
  /** Client-generated UUID: the idempotency key. Resubmitting the same id returns the first result. */
  id: z.uuid(),
  registerId: z.uuid(),
  cashSessionId: z.uuid(),
  /** When the cashier rang the sale (ISO 8601); offline sales keep their original time. */
  createdAt: z.iso.datetime({ offset: true }).max(40),
  customerId: z.uuid().optional(),
  lines: z.array(ZSaleLineInput).min(1, "La venta no tiene productos").max(500),
  /** Ticket-level discount AMOUNT taken off the sum of the lines. */
  discount: ZMoney.optional(),
  payments: z.array(ZSalePaymentInput).max(10),
  /** Charged instead of paid: to the customer's account ("cuenta corriente") or to an open folio ("cargo a habitación"). */
  charge: ZSaleCharge.optional(),
}).superRefine((v, ctx) => {
  if (!v.charge && v.payments.length === 0) ctx.addIssue({ code: "custom", message: "Falta el pago", path: ["payments"] });
  if (v.charge && v.payments.length > 0) ctx.addIssue({ code: "custom", message: "Una venta a cuenta o a la habitación no lleva otros pagos", path: ["payments"] });
});
export type TSaleInput = z.infer<typeof ZSaleInput>;
export type TSaleLineInput = z.infer<typeof ZSaleLineInput>;
export type TSalePaymentInput = z.infer<typeof ZSalePaymentInput>;

export type TSaleResult = {
  saleId: string;
  ticketNumber: number;
  total: string;
  change: string;
  status: "CREATED" | "DUPLICATE";
  stockConflict: boolean;
};
