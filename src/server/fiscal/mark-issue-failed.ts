import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocuments } from "../db/schema/fiscal";

/**
 * Automatic retries ran out: leave the document in ERROR with the reason (a held number stays,
 * so the next attempt recovers it). The sweep and the "Reintentar" action pick it up again.
 */
export async function markIssueFailed(tenantId: string, documentId: string, reason: string) {
  await withTenant(tenantId, (tx) =>
    tx
      .update(fiscalDocuments)
      .set({
        status: "ERROR",
        lastError: `Se agotaron los reintentos automáticos: ${reason}. Se vuelve a intentar en el próximo barrido o con «Reintentar».`,
        updatedAt: new Date(),
      })
      .where(and(eq(fiscalDocuments.id, documentId), inArray(fiscalDocuments.status, ["PENDING", "ERROR"]))),
  );
}
