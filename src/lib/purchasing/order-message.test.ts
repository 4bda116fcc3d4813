import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_LINES, mailtoOrderLink, orderSummaryText, whatsappOrderLink, type OrderSummary } from "./order-message";

const order: OrderSummary = {
  businessName: "Almacén Don Pepe",
  orderNumber: "OC-000042",
  supplierName: "Distribuidora del Sur SA",
  contactName: "Marta",
  expectedAt: "2026-12-09",
  notes: "Entregar por la mañana",
  total: "47650.5",
  lines: [
    { productName: "Cacao amargo 900 g", sku: "CAC-900", unit: "unit", quantity: "1500.000", unitCost: "5800.0000" },
    { productName: "Harina 0000", sku: "HAR-1", unit: "kg", quantity: "2.5", unitCost: "1250.2" },
  ],
};

describe("purchase order summary for the supplier", () => {
  it("writes es-AR numbers and dates, one line per product", () => {
    expect(orderSummaryText(order)).toBe(
      [
        "Hola Marta, les enviamos la orden de compra OC-000042 de Almacén Don Pepe.",
        "Entrega esperada: 09/12/2026.",
        "",
        "• 1.500 u Cacao amargo 900 g (CAC-900) a $\u00a05.800,00",
        "• 2,5 kg Harina 0000 (HAR-1) a $\u00a01.250,20",
        "",
        "Total: $\u00a047.650,50",
        "Notas: Entregar por la mañana",
        "",
        "Gracias.",
      ].join("\n"),
    );
  });

  it("cuts long orders and says how many products are left out", () => {
    const many = { ...order, lines: Array.from({ length: MAX_MESSAGE_LINES + 3 }, (_, i) => ({ ...order.lines[0]!, sku: `S${i}` })) };
    const text = orderSummaryText(many);
    expect(text.split("\n").filter((l) => l.startsWith("•"))).toHaveLength(MAX_MESSAGE_LINES);
    expect(text).toContain("… y 3 productos más (ver la orden impresa).");
  });

  it("links WhatsApp with the supplier's Argentine mobile, or lets WhatsApp ask when the phone is unreadable", () => {
    const wa = whatsappOrderLink("(011) 15-4123-4567", order);
    expect(wa.phoneKnown).toBe(true);
    expect(wa.href.startsWith("https://wa.me/5491141234567?text=")).toBe(true);
    expect(decodeURIComponent(wa.href.split("?text=")[1]!)).toBe(orderSummaryText(order));
    expect(whatsappOrderLink("123", order)).toMatchObject({ phoneKnown: false, href: expect.stringMatching(/^https:\/\/wa\.me\/\?text=/) });
  });

  it("links e-mail with the order as subject and the summary as body", () => {
    const href = mailtoOrderLink("compras@sur.com.ar", order);
    const url = new URL(href);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("compras@sur.com.ar");
    expect(url.searchParams.get("subject")).toBe("Orden de compra OC-000042 · Almacén Don Pepe");
    expect(url.searchParams.get("body")).toBe(orderSummaryText(order).replace(/\n/g, "\r\n"));
    expect(href).not.toContain("+"); // spaces are %20 (mail clients read "+" literally)
  });
});
