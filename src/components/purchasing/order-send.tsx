"use client";
import Link from "next/link";
import { Card } from "@/components/ui/page";
import type { RouterOutputs } from "@/lib/trpc/react";
import { mailtoOrderLink, whatsappOrderLink, type OrderSummary } from "@/lib/purchasing/order-message";
import { orderNumber } from "./common";

type Order = RouterOutputs["purchasing"]["order"];

export const orderSummaryOf = (o: Order, businessName: string): OrderSummary => ({
  businessName,
  orderNumber: orderNumber(o.number),
  supplierName: o.supplierName,
  contactName: o.supplierContactName,
  expectedAt: o.expectedAt,
  notes: o.notes,
  total: o.total,
  lines: o.lines.map((l) => ({ productName: l.productName, sku: l.sku, unit: l.unit, quantity: l.quantity, unitCost: l.unitCost })),
});

const link = "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** "Enviar al proveedor": the printable order (or PDF from the print dialog), WhatsApp and e-mail with the summary. */
export function OrderSendPanel({ slug, order, businessName }: { slug: string; order: Order; businessName: string }) {
  const summary = orderSummaryOf(order, businessName);
  const wa = whatsappOrderLink(order.supplierPhone, summary);
  return (
    <Card title="Enviar al proveedor">
      <div className="flex flex-wrap gap-2">
        <Link className={link} href={`/${slug}/compras/ordenes/${order.id}/imprimir`}>
          Imprimir o guardar PDF
        </Link>
        <a className={link} href={wa.href} target="_blank" rel="noopener noreferrer">
          Enviar por WhatsApp
        </a>
        <a className={link} href={mailtoOrderLink(order.supplierEmail, summary)}>
          Enviar por correo
        </a>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        {wa.phoneKnown ? `WhatsApp al ${order.supplierPhone}. ` : "El proveedor no tiene un celular argentino cargado: WhatsApp te va a pedir el contacto. "}
        {order.supplierEmail ? `Correo a ${order.supplierEmail}.` : "Sin correo cargado: elegí el destinatario en tu programa de correo."}
        {order.status === "DRAFT" ? " Después de enviarla, marcala como enviada." : ""}
      </p>
    </Card>
  );
}
