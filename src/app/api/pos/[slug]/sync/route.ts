import type { NextRequest } from "next/server";
import { withTenant } from "@/server/db/with-tenant";
import { can } from "@/server/auth/permissions";
import { jsonError, jsonOk, posRoute } from "@/server/offline/pos-route";
import { syncSalesBatch } from "@/server/offline/sync-sales-batch";
import { syncSalesGrouped } from "@/server/offline/sync-sales-grouped";
import { createSale } from "@/server/pos/create-sale";
import { log } from "@/server/log";
import { sendFiscalEvent } from "@/server/fiscal/events";
import { recordSyncBatch } from "@/server/offline/record-sync-batch";
import { ZSyncRequest } from "@/lib/schemas/pos-wire";

export const dynamic = "force-dynamic";

/**
 * POST /api/pos/<slug>/sync  {sales, strict?} → {results}
 * Each sale idempotent by its UUID; one result per sale, in order. `strict`: the cashier is
 * waiting for this verdict at the till, so online rules apply (a refusal is shown and fixed).
 */
export async function POST(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const r = await posRoute(req, slug, "pos.sell");
  if (r instanceof Response) return r;
  const { auth } = r;
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return jsonError(400, "VALIDATION", "El envío no es JSON válido.");
  }
  const parsed = ZSyncRequest.safeParse(body);
  if (!parsed.success) return jsonError(400, "VALIDATION", parsed.error.issues.map((i) => i.message).join("; "));
  const started = performance.now();
  const allowNegativeStock = auth.tenant.settings.allowNegativeStock === true;
  // The till waiting for a verdict sends one sale (own transaction, online rules); a backlog
  // goes several sales per transaction with a savepoint each (sync-sales-grouped.ts).
  const apply = parsed.data.strict ? syncSalesBatch : syncSalesGrouped;
  const results = await apply(
    (fn) => withTenant(auth.tenant.id, fn, { userId: auth.user.id }),
    parsed.data.sales,
    { userId: auth.user.id, canReview: can(auth.role, "cash.review") },
    {
      writer: parsed.data.strict ? (tx, input, actor) => createSale(tx, input, actor, { mode: "online", allowNegativeStock }) : undefined,
      // One durable commit per batch (also the audit row): see sync-sales-batch.ts.
      durableReceipt: (results) =>
        withTenant(auth.tenant.id, (tx) => recordSyncBatch(tx, { results, durationMs: performance.now() - started }, { userId: auth.user.id }), {
          userId: auth.user.id,
        }),
      afterCommit: (r) => (r.fiscalDocumentId ? sendFiscalEvent(r.fiscalDocumentId, auth.tenant.id) : undefined),
      log: (msg, err) => log.error({ err, tenant: auth.tenant.id }, msg),
    },
  );
  log.info({ tenant: auth.tenant.id, sales: results.length, strict: Boolean(parsed.data.strict), ms: Math.round(performance.now() - started) }, "terminal sync batch");
  return jsonOk({ results });
}
