import type { PaymentMethod } from "./schemas/sale";

/**
 * The payment methods the terminal offers, in order. Adding one (e.g. cuenta corriente) is a
 * row here plus its value in the sale schema's enum: the payment dialog, its Alt+key and the
 * ticket read this list. `givesChange`: only cash may exceed what is owed.
 */
export const PAYMENT_METHOD_OPTIONS: { method: PaymentMethod; label: string; key: string; givesChange: boolean }[] = [
  { method: "CASH", label: "Efectivo", key: "e", givesChange: true },
  { method: "DEBIT", label: "Débito", key: "d", givesChange: false },
  { method: "CREDIT", label: "Crédito", key: "c", givesChange: false },
  { method: "TRANSFER", label: "Transferencia", key: "t", givesChange: false },
];

export const paymentLabel = (method: string) => PAYMENT_METHOD_OPTIONS.find((o) => o.method === method)?.label ?? method;
