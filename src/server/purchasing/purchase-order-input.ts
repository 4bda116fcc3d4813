import { z } from "zod";

// Shared by the order form (client) and the services (server).
const decimal = (scale: number, label: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim().replace(",", "."))
    .pipe(z.string().regex(new RegExp(`^\\d{1,11}(\\.\\d{1,${scale}})?$`), `${label}: usá un número con hasta ${scale} decimales`));

export const ZOrderLineInput = z.object({
  productId: z.string().uuid("Elegí un producto"),
  quantity: decimal(3, "Cantidad").refine((v) => Number(v) > 0, "La cantidad debe ser mayor que cero"),
  unitCost: decimal(4, "Costo unitario"),
});

export const ZPurchaseOrderInput = z.object({
  supplierId: z.string().uuid("Elegí un proveedor"),
  warehouseId: z.string().uuid().optional().nullable(),
  expectedAt: z.iso.date("Fecha inválida").optional().nullable(),
  notes: z.string().trim().max(1000).optional().nullable(),
  lines: z.array(ZOrderLineInput).min(1, "Agregá al menos un producto").max(500),
});
export type TPurchaseOrderInput = z.input<typeof ZPurchaseOrderInput>;
