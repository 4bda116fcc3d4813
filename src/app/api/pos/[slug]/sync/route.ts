import type { NextRequest } from "next/server";
import { withTenant } from "@/server/db/with-tenant";
import { can } from "@/server/auth/permissions";
import { authorizePosRequest, jsonError } from "@/server/offline/pos-request";
import { syncSalesBatch, ZSyncSalesBody } from "@/server/offline/sync-sales-batch";
import { log } from "@/server/log";
import { sendFiscalEvent } from "@/server/fiscal/events";
import { recordSyncBatch } from "@/server/offline/record-sync-batch";
import { refuseForeignBody } from "@/server/http/request-guard";

export const dynamic = "force-dynamic";

/**
 * POST /api/pos/<slug>/sync  {sales: TSaleInput[]} → {results: SaleSyncResult[]}
 * Each sale in its own transaction, idempotent by its UUID; one result per sale, in order.
 */
export async function POST(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const refused = refuseForeignBody(req);
  if (refused) return refused;
  const { slug } = await ctx.params;
  const auth = await authorizePosRequest(req, slug, "pos.sell");
  if (auth instanceof Response) return auth;
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return jsonError(400, "VALIDATION", "El envío no es JSON válido.");
  }
  const parsed = ZSyncSalesBody.safeParse(body);
  if (!parsed.success) return jsonError(400, "VALIDATION", parsed.error.issues.map((i) => i.message).join("; "));
  const started = performance.now();
  const results = await syncSalesBatch(
    (fn) => withTenant(auth.tenant.id, fn, { userId: auth.user.id }),
    parsed.data.sales,
    { userId: auth.user.id, canReview: can(auth.role, "cash.review") },
    {
      concurrency: 4,
      // One durable commit per batch (also the audit row): see sync-sales-batch.ts.
      durableReceipt: (results) =>
        withTenant(auth.tenant.id, (tx) => recordSyncBatch(tx, auth.tenant.id, { results, durationMs: performance.now() - started }, { userId: auth.user.id }), {
          userId: auth.user.id,
        }),
      afterCommit: (r) => (r.fiscalDocumentId ? sendFiscalEvent(r.fiscalDocumentId, auth.tenant.id) : undefined),
      log: (msg, err) => log.error({ err, tenant: auth.tenant.id }, msg),
    },
  );
  log.info({ tenant: auth.tenant.id, sales: results.length, ms: Math.round(performance.now() - started) }, "offline sync batch");
  return Response.json({ results }, { headers: { "cache-control": "no-store" } });
}
