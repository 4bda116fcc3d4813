import { formatMoney, formatQty } from "../format";
import { whatsappNumberAr } from "../phone-ar";

// The summary of a purchase order sent to the supplier by WhatsApp or e-mail: plain text,
// es-AR numbers and dates, one line per product. Long orders are cut (links have length
// limits in browsers and mail clients): the printable page always has every line.

export type OrderSummary = {
  businessName: string;
  orderNumber: string;
  supplierName: string;
  contactName?: string | null;
  expectedAt: string | null;
  notes: string | null;
  total: string;
  lines: { productName: string; sku: string; unit: string; quantity: string; unitCost: string }[];
};

export const MAX_MESSAGE_LINES = 30;

/** "2026-12-09" → "09/12/2026" (a calendar date: no time zone involved). */
export const isoDateText = (iso: string) => iso.split("-").reverse().join("/");

const unitText = (u: string) => (u === "unit" ? "u" : u);

export function orderSummaryText(o: OrderSummary): string {
  const shown = o.lines.slice(0, MAX_MESSAGE_LINES);
  const rest = o.lines.length - shown.length;
  return [
    `${o.contactName ? `Hola ${o.contactName}` : "Hola"}, les enviamos la orden de compra ${o.orderNumber} de ${o.businessName}.`,
    o.expectedAt ? `Entrega esperada: ${isoDateText(o.expectedAt)}.` : null,
    "",
    ...shown.map((l) => `• ${formatQty(l.quantity)} ${unitText(l.unit)} ${l.productName} (${l.sku}) a ${formatMoney(l.unitCost)}`),
    rest > 0 ? `… y ${rest} ${rest === 1 ? "producto más" : "productos más"} (ver la orden impresa).` : null,
    "",
    `Total: ${formatMoney(o.total)}`,
    o.notes ? `Notas: ${o.notes}` : null,
    "",
    "Gracias.",
  ]
    .filter((l): l is string => l !== null)
    .join("\n");
}

/** wa.me link with the summary; without a readable Argentine phone, WhatsApp asks for the contact. */
export function whatsappOrderLink(phone: string | null | undefined, o: OrderSummary): { href: string; phoneKnown: boolean } {
  const number = whatsappNumberAr(phone);
  return { href: `https://wa.me/${number ?? ""}?text=${encodeURIComponent(orderSummaryText(o))}`, phoneKnown: number !== null };
}

/** mailto: link with the order as subject and the summary as body (CRLF line ends, RFC 6068). */
export function mailtoOrderLink(email: string | null | undefined, o: OrderSummary): string {
  const subject = `Orden de compra ${o.orderNumber} · ${o.businessName}`;
  const body = orderSummaryText(o).replace(/\n/g, "\r\n");
  return `mailto:${email ? encodeURIComponent(email).replace(/%40/g, "@") : ""}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
