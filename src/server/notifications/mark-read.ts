import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";
import { pgArray } from "../purchasing/common";
import { visibleTo } from "./list-notifications";

export const ZMarkReadInput = z.object({ ids: z.array(z.uuid("Identificador inválido")).max(200).optional(), read: z.boolean().optional() });
export const ZMarkReadResponse = z.object({ changed: z.number().int() });

/**
 * Marks the given notifications (or every visible one) read, or unread again, for this user
 * only. Ids the user cannot see (another person's, another area's, another business's) are
 * ignored: the visibility filter is part of the statement.
 */
export async function markNotificationsRead(tx: Tx, userId: string, kinds: string[], input: z.input<typeof ZMarkReadInput> = {}): Promise<{ changed: number }> {
  const v = ZMarkReadInput.parse(input);
  const only = v.ids ? sql`and n.id = any(${pgArray(v.ids, "uuid")})` : sql``;
  if (v.read === false) {
    const rows = await tx.execute(sql`
      delete from notification_reads r using notifications n
      where r.tenant_id = ${TENANT} and r.user_id = ${userId}::uuid and n.tenant_id = r.tenant_id and n.id = r.notification_id
        and ${visibleTo(userId, kinds)} ${only}
      returning r.notification_id`);
    return { changed: rows.length };
  }
  const rows = await tx.execute(sql`
    insert into notification_reads (tenant_id, notification_id, user_id)
    select ${TENANT}, n.id, ${userId}::uuid from notifications n
    where ${visibleTo(userId, kinds)} ${only}
    on conflict do nothing
    returning notification_id`);
  return { changed: rows.length };
}
