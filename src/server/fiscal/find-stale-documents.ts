import "server-only";
import { z } from "zod";
import { and, eq, isNotNull, lt, or } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalDocuments } from "../db/schema/fiscal";

export const ZRequeuePendingResponse = z.object({ requested: z.number() });
export type TRequeuePendingResponse = z.infer<typeof ZRequeuePendingResponse>;

/**
 * Documents the sweep re-requests: PENDING ones older than `pendingAgeMs` (lost event, no
 * Inngest when the sale committed), ERROR ones whose outcome is unknown (a number is held),
 * and other ERROR ones idle for `errorAgeMs` with fewer than `maxAttempts`.
 */
export async function findStaleDocuments(
  tx: Tx,
  opts: { pendingAgeMs?: number; errorAgeMs?: number; maxAttempts?: number; limit?: number } = {},
) {
  const pendingBefore = new Date(Date.now() - (opts.pendingAgeMs ?? 2 * 60_000));
  const errorBefore = new Date(Date.now() - (opts.errorAgeMs ?? 30 * 60_000));
  return tx
    .select({ id: fiscalDocuments.id, pointOfSale: fiscalDocuments.pointOfSale, cbteTipo: fiscalDocuments.cbteTipo })
    .from(fiscalDocuments)
    .where(
      or(
        and(eq(fiscalDocuments.status, "PENDING"), lt(fiscalDocuments.updatedAt, pendingBefore)),
        and(eq(fiscalDocuments.status, "ERROR"), isNotNull(fiscalDocuments.number)),
        and(eq(fiscalDocuments.status, "ERROR"), lt(fiscalDocuments.updatedAt, errorBefore), lt(fiscalDocuments.attempts, opts.maxAttempts ?? 10)),
      ),
    )
    .orderBy(fiscalDocuments.requestedAt)
    .limit(opts.limit ?? 500);
}
