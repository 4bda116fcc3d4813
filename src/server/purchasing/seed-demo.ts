import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import type { DemoSeeder } from "../seed/demo";
import { createSupplier } from "./save-supplier";
import { createPurchaseOrder, sendPurchaseOrder } from "./purchase-orders";
import { receiveGoods } from "./receive-goods";
import { setSupplierPrice } from "./price-list";
import { runReplenishment } from "./compute-replenishment";
import { tenantToday } from "./common";

// Demo purchasing: three suppliers (valid CUITs), the cocoa price list of the main one,
// an open (sent) order, a receipt whose payable is due in a few days (with its alert), and
// today's replenishment suggestions. Idempotent: skipped once the first supplier exists.

const SUPPLIERS = [
  { name: "Distribuidora del Sur SA", cuit: "30712345671", paymentTermsDays: 7, contactName: "Marta Gómez", phone: "11 4555-0101", email: "ventas@delsur.example" },
  { name: "Lácteos La Pradera SRL", cuit: "30698765433", paymentTermsDays: 5, contactName: "Julián Pérez", phone: "11 4555-0202" },
  { name: "Almacén Mayorista Norte", cuit: "30654321090", paymentTermsDays: 30, contactName: "Ana Ruiz", email: "pedidos@mayoristanorte.example" },
];

export const seedPurchasingDemo: DemoSeeder = async ({ tenantId, ownerId }) => {
  const actor = { userId: ownerId };
  await withTenant(
    tenantId,
    async (tx) => {
      const [exists] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from suppliers where cuit = ${SUPPLIERS[0]!.cuit}`);
      if (exists!.n > 0) return;
      const ids: string[] = [];
      for (const s of SUPPLIERS) ids.push((await createSupplier(tx, s, actor)).id);
      const [sur, pradera, norte] = ids as [string, string, string];
      const products = new Map((await tx.execute<{ id: string; sku: string }>(sql`select id, sku from products`)).map((r) => [r.sku, r.id]));

      // The main supplier's cocoa prices (the bags' demo barcodes have no valid GS1 check digit, so not via CSV).
      for (const [sku, cost] of [["CAC-400", "2700"], ["CAC-900", "5800"], ["CAC-2500", "15500"]] as const) {
        const productId = products.get(sku);
        if (productId) await setSupplierPrice(tx, { supplierId: sur, productId, packCost: cost });
      }

      // An open order on its way.
      const harina = products.get("HAR-000-1K");
      const aceite = products.get("ACE-GIR-900");
      if (harina && aceite) {
        const o = await createPurchaseOrder(
          tx,
          { supplierId: norte, notes: "Pedido quincenal", lines: [{ productId: harina, quantity: "20", unitCost: "650" }, { productId: aceite, quantity: "12", unitCost: "1700" }] },
          actor,
        );
        await sendPurchaseOrder(tx, o.id, actor);
      }

      // Milk received today from a 5-day supplier: a payable due soon (alerted at once).
      const leche = products.get("LEC-ENT-1L");
      if (leche) {
        const o = await createPurchaseOrder(tx, { supplierId: pradera, lines: [{ productId: leche, quantity: "24", unitCost: "850" }] }, actor);
        await sendPurchaseOrder(tx, o.id, actor);
        const [line] = await tx.execute<{ id: string }>(sql`select id from purchase_order_lines where order_id = ${o.id}`);
        const expires = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
        await receiveGoods(
          tx,
          {
            idempotencyKey: `demo-receipt-${randomUUID()}`,
            orderId: o.id,
            reference: "Remito R 0003-00045678",
            lines: [{ orderLineId: line!.id, productId: leche, quantity: "24", unitCost: "850", lotNumber: "LP-2611", expiresAt: expires }],
          },
          actor,
        );
      }

      await runReplenishment(tx, { today: await tenantToday(tx), mode: "manual" });
    },
    { userId: ownerId },
  );
};
