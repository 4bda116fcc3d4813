import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalDocuments, fiscalPointsOfSale, fiscalSettings } from "../db/schema/fiscal";
import { fiscalCaeas } from "../db/schema/caea";
import { arDate } from "@/lib/ar-time";
import { AppError } from "../errors/app-error";
import { TENANT } from "../db/current-tenant";
import { contingencyActive } from "./register-contingency";

type Doc = typeof fiscalDocuments.$inferSelect;
type Settings = typeof fiscalSettings.$inferSelect;

/**
 * Inside the sale's transaction: when the register is in contingency, number its invoice
 * locally under the CAEA point of sale that backs the register's CAE point of sale. The counter
 * row (fiscal_caea_counters) is incremented in this transaction, so numbers are gapless and
 * serialized per point of sale + type (a rolled-back sale gives its number back). The document is
 * ISSUED at once with the CAEA code (printed with the QR's tipoCodAut "A") and queued for
 * FECAEARegInformativo. Invoices of the register still waiting for a CAE (no number claimed)
 * move to CAEA first, in order, so every sale of the outage gets a valid document.
 * Returns false (the document waits for a CAE as usual) when there is no contingency, no CAEA
 * point of sale or no CAEA for today.
 */
export async function numberUnderCaeaIfContingency(tx: Tx, doc: Doc, settings: Settings, now: Date): Promise<boolean> {
  if (!doc.registerId || doc.kind !== "INVOICE" || doc.authType !== "CAE" || !doc.cbteTipo || !doc.environment || !doc.emitterCuit) return false;
  if (!(await contingencyActive(tx, doc.registerId, settings.contingencyAfterMinutes, now))) return false;
  const [pos] = await tx
    .select()
    .from(fiscalPointsOfSale)
    .where(and(eq(fiscalPointsOfSale.emissionType, "CAEA"), eq(fiscalPointsOfSale.fallbackFor, doc.pointOfSale), eq(fiscalPointsOfSale.active, true)))
    .limit(1);
  if (!pos) return false;
  const today = arDate(now);
  const [caea] = await tx
    .select()
    .from(fiscalCaeas)
    .where(and(eq(fiscalCaeas.environment, doc.environment), eq(fiscalCaeas.cuit, doc.emitterCuit), lte(fiscalCaeas.validFrom, today), gte(fiscalCaeas.validTo, today)))
    .limit(1);
  if (!caea) return false;

  // Earlier invoices of this register still waiting for a CAE (nothing claimed at ARCA) go first.
  const waiting = await tx
    .select()
    .from(fiscalDocuments)
    .where(
      and(
        eq(fiscalDocuments.registerId, doc.registerId),
        eq(fiscalDocuments.kind, "INVOICE"),
        eq(fiscalDocuments.authType, "CAE"),
        isNull(fiscalDocuments.number),
        inArray(fiscalDocuments.status, ["PENDING", "ERROR"]),
        eq(fiscalDocuments.environment, doc.environment),
        eq(fiscalDocuments.emitterCuit, doc.emitterCuit),
      ),
    )
    .orderBy(asc(fiscalDocuments.requestedAt), asc(fiscalDocuments.id))
    .for("update", { skipLocked: true });
  const todo = [...waiting.filter((d) => d.id !== doc.id), doc];
  for (const d of todo) {
    const [counter] = await tx.execute<{ last_number: string }>(sql`
      insert into fiscal_caea_counters (tenant_id, environment, cuit, point_of_sale, cbte_tipo, last_number)
      values (${TENANT}, ${d.environment}::fiscal_environment, ${d.emitterCuit}, ${pos.number}, ${d.cbteTipo}, 1)
      on conflict (tenant_id, environment, cuit, point_of_sale, cbte_tipo)
        do update set last_number = fiscal_caea_counters.last_number + 1
      returning last_number`);
    const number = Number(counter!.last_number);
    const updated = await tx
      .update(fiscalDocuments)
      .set({
        pointOfSale: pos.number,
        number,
        issueDate: today,
        authType: "CAEA",
        caeaId: caea.id,
        cae: caea.caea,
        caeDueDate: caea.validTo,
        generatedAt: now,
        status: "ISSUED",
        issuedAt: now,
        lastError: null,
        reportStatus: "PENDING",
        updatedAt: new Date(),
      })
      .where(and(eq(fiscalDocuments.id, d.id), isNull(fiscalDocuments.number), eq(fiscalDocuments.authType, "CAE")))
      .returning({ id: fiscalDocuments.id, saleId: fiscalDocuments.saleId });
    // Rolls the counter back with the sale; the cashier retries.
    if (!updated.length) throw new AppError("CONFLICT", "El comprobante cambió mientras se numeraba en contingencia; reintentá la venta");
    if (updated[0]!.saleId && d.id !== doc.id) {
      await tx.execute(sql`select fiscal_sync_sale_status(${updated[0]!.saleId}::uuid, 'ISSUED', ${d.id}::uuid)`);
    }
  }
  return true;
}
