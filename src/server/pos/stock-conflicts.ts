import "server-only";
import { z } from "zod";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { stockConflicts } from "../db/schema/pos";
import { AppError } from "../errors/app-error";

/** Oversold lines from synced offline sales, newest first (for the offline/supervisor page). */
export const ZListStockConflictsResponse = z.array(
  z.object({
    id: z.uuid(),
    saleId: z.uuid(),
    ticketNumber: z.number().int(),
    lineNo: z.number().int(),
    productId: z.uuid(),
    productName: z.string(),
    warehouseId: z.uuid(),
    requested: z.string(),
    shortfall: z.string(),
    status: z.enum(["OPEN", "RESOLVED"]),
    resolution: z.string().nullable(),
    /** As Postgres sends it through raw SQL (text). */
    createdAt: z.string(),
  }),
);
export type TListStockConflictsResponse = z.infer<typeof ZListStockConflictsResponse>;

export const ZResolveStockConflictResponse = z.object({
  tenantId: z.uuid(),
  id: z.uuid(),
  saleId: z.uuid(),
  lineNo: z.number(),
  productId: z.uuid(),
  warehouseId: z.uuid(),
  requested: z.string(),
  shortfall: z.string(),
  status: z.enum(["OPEN", "RESOLVED"]),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type TResolveStockConflictResponse = z.infer<typeof ZResolveStockConflictResponse>;

export async function listStockConflicts(tx: Tx, opts: { status?: "OPEN" | "RESOLVED"; limit?: number } = {}): Promise<TListStockConflictsResponse> {
  const rows = await tx.execute<TListStockConflictsResponse[number]>(sql`
    select c.id, c.sale_id as "saleId", s.ticket_number as "ticketNumber", c.line_no as "lineNo", c.product_id as "productId",
           p.name as "productName", c.warehouse_id as "warehouseId", c.requested, c.shortfall, c.status, c.resolution, c.created_at as "createdAt"
    from stock_conflicts c
    join sales s on s.tenant_id = c.tenant_id and s.id = c.sale_id
    join products p on p.tenant_id = c.tenant_id and p.id = c.product_id
    ${opts.status ? sql`where c.status = ${opts.status}` : sql``}
    order by c.created_at desc limit ${opts.limit ?? 100}`);
  return [...rows];
}

export const ZResolveStockConflictInput = z.object({
  id: z.uuid(),
  resolution: z.string().trim().min(3, "Contá cómo se resolvió").max(500),
});

export async function resolveStockConflict(tx: Tx, input: z.infer<typeof ZResolveStockConflictInput>, actor: { userId: string }) {
  const [row] = await tx
    .update(stockConflicts)
    .set({ status: "RESOLVED", resolution: input.resolution, resolvedBy: actor.userId, resolvedAt: sql`now()` })
    .where(and(eq(stockConflicts.id, input.id), eq(stockConflicts.status, "OPEN")))
    .returning();
  if (!row) throw new AppError("INVALID_STATE", "Ese conflicto no existe o ya fue resuelto.");
  return row;
}
