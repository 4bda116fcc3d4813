import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import { isoTs } from "../db/sql-helpers";
import type { Tx } from "../db/client";

export const ZListRegistersWithSessionsResponse = z.array(
  z.object({
    registerId: z.uuid(),
    registerName: z.string(),
    warehouseId: z.uuid(),
    fiscalEnabled: z.boolean(),
    cashSessionId: z.uuid().nullable(),
    /** Whether the viewer opened it: another person's user id never leaves the server (issue 11). */
    openedByMe: z.boolean(),
    openedByName: z.string().nullable(),
    /** ISO timestamp. */
    openedAt: z.string().nullable(),
  }),
);
export type TListRegistersWithSessionsResponse = z.infer<typeof ZListRegistersWithSessionsResponse>;

/** The POS screen's starting point: registers with their open session (if any). No amounts. */
export async function listRegistersWithSessions(tx: Tx): Promise<TListRegistersWithSessionsResponse> {
  const rows = await tx.execute<TListRegistersWithSessionsResponse[number]>(sql`
    select r.id as "registerId", r.name as "registerName", r.warehouse_id as "warehouseId", r.fiscal_enabled as "fiscalEnabled",
           s.id as "cashSessionId",
           coalesce(s.opened_by = (select nullif(current_setting('app.current_user', true), '')::uuid), false) as "openedByMe",
           u.name as "openedByName", ${isoTs(sql`s.opened_at`)} as "openedAt"
    from registers r
    left join cash_sessions s on s.tenant_id = r.tenant_id and s.register_id = r.id and s.status = 'OPEN'
    left join users u on u.id = s.opened_by
    where r.active
    order by r.name`);
  return [...rows];
}
