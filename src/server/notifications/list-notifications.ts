import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { isoTs, pgArray } from "../purchasing/common";

export const ZNotificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const ZListNotificationsInput = z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(100).optional() }).optional();
export const ZListNotificationsResponse = z.object({ unread: z.number().int(), items: z.array(ZNotificationItem) });
export type TListNotificationsResponse = z.infer<typeof ZListNotificationsResponse>;

/** Visible to this user: addressed to them, or to everyone and of a kind their role may see. */
export const visibleTo = (userId: string, kinds: string[]) =>
  sql`(n.user_id = ${userId}::uuid or (n.user_id is null and n.kind = any(${pgArray(kinds, "text")})))`;
const isRead = (userId: string) => sql`exists (select 1 from notification_reads r where r.tenant_id = n.tenant_id and r.notification_id = n.id and r.user_id = ${userId}::uuid)`;

export async function listNotifications(
  tx: Tx,
  userId: string,
  kinds: string[],
  opts: z.infer<typeof ZListNotificationsInput> = {},
): Promise<TListNotificationsResponse> {
  const items = await tx.execute<{ id: string; kind: string; title: string; body: string | null; link: string | null; createdAt: string; read: boolean }>(sql`
    select n.id, n.kind, n.title, n.body, n.link, ${isoTs(sql`n.created_at`)} as "createdAt", ${isRead(userId)} as read
    from notifications n where ${visibleTo(userId, kinds)} ${opts?.unreadOnly ? sql`and not ${isRead(userId)}` : sql``}
    order by n.created_at desc, n.id limit ${opts?.limit ?? 30}`);
  return { unread: await countUnread(tx, userId, kinds), items: [...items] };
}

export async function countUnread(tx: Tx, userId: string, kinds: string[]): Promise<number> {
  const [c] = await tx.execute<{ unread: number }>(sql`
    select count(*)::int as unread from notifications n where ${visibleTo(userId, kinds)} and not ${isRead(userId)}`);
  return c!.unread;
}
