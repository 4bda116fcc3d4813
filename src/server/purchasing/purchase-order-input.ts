import { z } from "zod";
import { zCost, zQuantity } from "@/lib/schemas/decimal";

// Shared by the order form (client) and the services (server).

export const ZOrderLineInput = z.object({
  productId: z.string().uuid("Elegí un producto"),
  quantity: zQuantity("Cantidad", { positive: "La cantidad debe ser mayor que cero" }),
  unitCost: zCost("Costo unitario"),
});

export const ZPurchaseOrderInput = z.object({
  supplierId: z.string().uuid("Elegí un proveedor"),
  warehouseId: z.string().uuid().optional().nullable(),
  expectedAt: z.iso.date("Fecha inválida").optional().nullable(),
  notes: z.string().trim().max(1000).optional().nullable(),
  lines: z.array(ZOrderLineInput).min(1, "Agregá al menos un producto").max(500),
});
export type TPurchaseOrderInput = z.input<typeof ZPurchaseOrderInput>;
