import "server-only";
import { sql } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import { z } from "zod";
import type { Tx } from "../db/client";
import { exec, TENANT, type Actor } from "../inventory/ledger";
import { loadCount, requireStatus, ZCountId } from "./common";

export const ZResolveUncountedInput = z.object({
  countId: ZCountId,
  /** These lines; or every undecided uncounted line when omitted. */
  lineIds: z.array(z.uuid()).min(1).max(50_000).optional(),
  decision: z.enum(["ZERO", "KEEP"]),
});
export type TResolveUncountedInput = z.input<typeof ZResolveUncountedInput>;
export const ZResolveUncountedResponse = z.object({ resolved: z.number().int() });

/** In-scope stock nobody counted: "set to zero" or "leave as is", explicitly, before applying. */
export async function resolveUncounted(tx: Tx, raw: TResolveUncountedInput, actor: Actor): Promise<z.infer<typeof ZResolveUncountedResponse>> {
  const v = ZResolveUncountedInput.parse(raw);
  const c = await loadCount(tx, v.countId, "update");
  requireStatus(c, ["REVIEW"], "decidir sobre lo no contado");
  const rows = await exec<{ id: string }>(tx, sql`
    update count_lines l set uncounted = ${v.decision}::count_uncounted, decided_by = ${actor.userId}::uuid
    where l.tenant_id = ${TENANT} and l.count_id = ${c.id} and l.round = 0 and l.status in ('PENDING', 'FAILED')
      ${v.lineIds ? sql`and l.id = any(${pgArray(v.lineIds, "uuid")})` : sql`and l.uncounted is null`}
      and not exists (select 1 from count_entries e where e.tenant_id = l.tenant_id and e.count_id = l.count_id and e.product_id = l.product_id
                      and e.lot_key = l.lot_key and e.voided_at is null)
    returning l.id`);
  return { resolved: rows.length };
}
