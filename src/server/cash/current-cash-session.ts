import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

/** The POS screen's starting point: registers with their open session (if any). No amounts. */
export async function listRegistersWithSessions(tx: Tx) {
  const rows = await tx.execute<{
    register_id: string;
    register_name: string;
    warehouse_id: string;
    fiscal_enabled: boolean;
    cash_session_id: string | null;
    /** Whether the viewer opened it: another person's user id never leaves the server (issue 11). */
    opened_by_me: boolean;
    opened_by_name: string | null;
    opened_at: Date | null;
  }>(sql`
    select r.id as register_id, r.name as register_name, r.warehouse_id, r.fiscal_enabled,
           s.id as cash_session_id,
           coalesce(s.opened_by = (select nullif(current_setting('app.current_user', true), '')::uuid), false) as opened_by_me, u.name as opened_by_name, s.opened_at
    from registers r
    left join cash_sessions s on s.tenant_id = r.tenant_id and s.register_id = r.id and s.status = 'OPEN'
    left join users u on u.id = s.opened_by
    where r.active
    order by r.name`);
  return [...rows];
}
