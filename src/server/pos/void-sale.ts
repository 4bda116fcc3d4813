import "server-only";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashMovements, saleLines, salePayments, sales } from "../db/schema/pos";
import { AppError } from "../errors/app-error";
import { returnStock } from "../inventory/return-stock";
import { Decimal, ZERO } from "@/lib/decimal";
import type { PaymentMethod } from "@/lib/schemas/sale";
import { verifySupervisor } from "./verify-supervisor";
import { requestSaleCreditNote } from "./fiscal-link";
import { releaseSaleCharge } from "../billing/release-sale-charge";

export const ZVoidSaleInput = z.object({
  saleId: z.uuid(),
  reason: z.string().trim().min(3, "Indicá el motivo de la anulación").max(300),
  supervisorEmail: z.string().trim().min(3, "Ingresá el e-mail del supervisor").max(254),
  supervisorPassword: z.string().min(1, "Ingresá la contraseña del supervisor").max(200),
});
export type TVoidSaleInput = z.infer<typeof ZVoidSaleInput>;

export const ZVoidSaleResponse = z.object({
  saleId: z.uuid(),
  ticketNumber: z.number(),
  status: z.enum(["COMPLETED", "VOIDED"]),
  fiscalStatus: z.enum(["PENDING", "ISSUED", "NOT_REQUIRED", "CREDIT_NOTE_PENDING", "CREDIT_NOTE_ISSUED"]),
  authorizedBy: z.string(),
});
export type TVoidSaleResponse = z.infer<typeof ZVoidSaleResponse>;

/**
 * Voids a sale with a supervisor's authorisation (their credentials): RETURN stock movements
 * to the lots consumed, inverse VOID cash movements (in the sale's session, or the register's
 * open one when that has closed), and a credit note request when the sale had a document.
 */
export async function voidSale(tx: Tx, input: TVoidSaleInput, actor: { userId: string; ip: string }) {
  const [sale] = await tx.select().from(sales).where(eq(sales.id, input.saleId)).for("update");
  if (!sale) throw new AppError("NOT_FOUND", "La venta no existe.");
  // Only now, with the sale known: the authoriser is neither who asks nor who rang it.
  const supervisor = await verifySupervisor(
    tx,
    { email: input.supervisorEmail, password: input.supervisorPassword, permission: "pos.void", subjectId: sale.id },
    { tenantId: sale.tenantId, requesterId: actor.userId, excludedUserIds: [sale.cashierId], ip: actor.ip },
  );
  if (sale.status === "VOIDED") throw new AppError("INVALID_STATE", `El ticket ${sale.ticketNumber} ya está anulado.`);
  // Billing: a sale charged to an account or a room releases its charge (refused once invoiced).
  await releaseSaleCharge(tx, sale.id, input.reason, { userId: actor.userId, authorizedBy: supervisor.userId });

  const [session] = await tx.execute<{ id: string }>(sql`
    select id from cash_sessions
    where status = 'OPEN' and (id = ${sale.cashSessionId} or register_id = ${sale.registerId})
    order by (id = ${sale.cashSessionId}) desc limit 1 for share`);
  if (!session) throw new AppError("INVALID_STATE", "Abrí una sesión en esa caja para registrar la devolución del dinero.");

  const lines = await tx.select().from(saleLines).where(eq(saleLines.saleId, sale.id));
  for (const l of lines) {
    if (l.lots.length === 0 && new Decimal(l.shortfall).isZero()) continue; // a service: no stock moved
    await returnStock(
      tx,
      {
        productId: l.productId,
        warehouseId: sale.warehouseId,
        lots: l.lots.length > 0 ? l.lots.map((x) => ({ lotId: x.lotId, quantity: x.quantity })) : undefined,
        quantity: l.quantity,
        sourceType: "SALE_VOID",
        sourceId: sale.id,
      },
      { userId: actor.userId },
    );
  }

  const payments = await tx.select().from(salePayments).where(eq(salePayments.saleId, sale.id));
  const perMethod = new Map<PaymentMethod, Decimal>();
  for (const p of payments) perMethod.set(p.method, (perMethod.get(p.method) ?? ZERO).plus(p.applied));
  const inverse = [...perMethod].filter(([, a]) => !a.isZero());
  if (inverse.length > 0) {
    await tx.insert(cashMovements).values(
      inverse.map(([method, amount]) => ({
        cashSessionId: session.id,
        type: "VOID" as const,
        method,
        amount: amount.neg().toFixed(2),
        reason: `Anulación ticket ${sale.ticketNumber}: ${input.reason}`,
        saleId: sale.id,
        createdBy: actor.userId,
      })),
    );
  }

  let creditNoteDocumentId: string | null = null;
  let fiscalStatus = sale.fiscalStatus;
  if (sale.fiscalStatus === "PENDING" || sale.fiscalStatus === "ISSUED") {
    creditNoteDocumentId = await requestSaleCreditNote(tx, sale.id);
    if (creditNoteDocumentId) fiscalStatus = "CREDIT_NOTE_PENDING";
  }
  const [updated] = await tx
    .update(sales)
    .set({
      status: "VOIDED",
      voidedAt: new Date(),
      voidedBy: actor.userId,
      voidAuthorizedBy: supervisor.userId,
      voidReason: input.reason,
      fiscalStatus,
      creditNoteDocumentId,
    })
    .where(eq(sales.id, sale.id))
    .returning();
  return { sale: updated!, supervisor: { id: supervisor.userId, name: supervisor.name }, creditNoteDocumentId, cashSessionId: session.id };
}
