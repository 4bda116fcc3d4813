import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { countUnread, listNotifications as listAll } from "../notifications/list-notifications";
import { markNotificationsRead as markRead } from "../notifications/mark-read";

// Notifications became one module for every area (src/server/notifications/). These names
// stay for the purchasing router's original procedures and the services that import them.
export { notify, type NewNotification } from "../notifications/notify";
export { NOTIFICATION_KINDS } from "../notifications/kinds";

export const ZNotificationsResponse = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({ id: z.uuid(), kind: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() }),
  ),
});
export type NotificationRow = z.infer<typeof ZNotificationsResponse>["items"][number];

export const ZUnreadCountResponse = z.number();
export type TUnreadCountResponse = z.infer<typeof ZUnreadCountResponse>;

export const ZMarkNotificationsReadResponse = z.void();
export type TMarkNotificationsReadResponse = z.infer<typeof ZMarkNotificationsReadResponse>;

export async function listNotifications(tx: Tx, userId: string, kinds: string[], limit = 30): Promise<{ unread: number; items: NotificationRow[] }> {
  const r = await listAll(tx, userId, kinds, { limit });
  return { unread: r.unread, items: r.items };
}

export const unreadCount = (tx: Tx, userId: string, kinds: string[]): Promise<number> => countUnread(tx, userId, kinds);

export async function markNotificationsRead(tx: Tx, userId: string, kinds: string[], ids?: string[]): Promise<void> {
  await markRead(tx, userId, kinds, { ids });
}
