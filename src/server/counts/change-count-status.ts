import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT, type Actor } from "../inventory/ledger";
import { countable, loadCount, requireStatus, ZCountId, type CountStatus } from "./common";

export const ZChangeCountStatusInput = z.object({ countId: ZCountId, action: z.enum(["start", "close", "reopen", "cancel"]) });
export type TChangeCountStatusInput = z.input<typeof ZChangeCountStatusInput>;

const FROM: Record<z.infer<typeof ZChangeCountStatusInput>["action"], { from: CountStatus[]; to: CountStatus; label: string }> = {
  start: { from: ["OPEN"], to: "COUNTING", label: "empezar" },
  close: { from: ["OPEN", "COUNTING"], to: "REVIEW", label: "cerrar el conteo" },
  reopen: { from: ["REVIEW"], to: "COUNTING", label: "reabrir el conteo" },
  cancel: { from: ["OPEN", "COUNTING", "REVIEW"], to: "CANCELLED", label: "cancelar" },
};

/**
 * OPEN → COUNTING → REVIEW (→ COUNTING again) | CANCELLED. Closing lists every in-scope
 * product (× lot number) with stock that nobody counted, as a line that needs a decision.
 * Waits for counters' in-flight entries (they hold the count FOR SHARE).
 */
export async function changeCountStatus(tx: Tx, raw: TChangeCountStatusInput, _actor: Actor): Promise<{ status: CountStatus }> {
  const v = ZChangeCountStatusInput.parse(raw);
  const c = await loadCount(tx, v.countId, "update");
  const t = FROM[v.action];
  requireStatus(c, t.from, t.label);
  if (v.action === "reopen") {
    const [applied] = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from count_lines where tenant_id = ${TENANT} and count_id = ${c.id} and status = 'APPLIED'`);
    requireStatus({ ...c, status: applied!.n > 0 ? "APPLIED" : c.status }, ["REVIEW"], t.label);
  }
  if (v.action === "close") {
    await tx.execute(sql`
      insert into count_lines (tenant_id, count_id, product_id, lot_key)
      select ${TENANT}, ${c.id}, x.product_id, x.lot_key
      from (
        select l.product_id, case when p.track_batches then coalesce(l.lot_number, '') else '' end as lot_key
        from lots l join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
        where l.tenant_id = ${TENANT} and l.warehouse_id = ${c.warehouseId} and l.quantity <> 0 and ${countable(c)}
        group by 1, 2) x
      on conflict (tenant_id, count_id, product_id, lot_key) do nothing`);
  }
  await tx.execute(sql`
    update counts set status = ${t.to}::count_status,
      started_at = case when ${t.to} = 'COUNTING' then coalesce(started_at, now()) else started_at end,
      review_at = case when ${t.to} = 'REVIEW' then now() else review_at end,
      finished_at = case when ${t.to} = 'CANCELLED' then now() else finished_at end
    where tenant_id = ${TENANT} and id = ${c.id}`);
  return { status: t.to };
}
