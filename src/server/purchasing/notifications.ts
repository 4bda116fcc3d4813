import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { isoTs, TENANT, pgArray } from "./common";

export type NewNotification = {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  data?: Record<string, unknown>;
  userId?: string | null;
  /** Unique per tenant: the same alert is never created twice. */
  dedupeKey: string;
};

/** Inserts notifications, skipping those whose dedupe key exists. Returns how many are new. */
export async function notify(tx: Tx, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const values = sql.join(
    items.map(
      (n) => sql`(${TENANT}, ${n.userId ?? null}::uuid, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null}, ${JSON.stringify(n.data ?? {})}::jsonb, ${n.dedupeKey})`,
    ),
    sql`, `,
  );
  const rows = await tx.execute<{ id: string }>(sql`
    insert into notifications (tenant_id, user_id, kind, title, body, link, data, dedupe_key)
    values ${values}
    on conflict (tenant_id, dedupe_key) do nothing
    returning id`);
  return rows.length;
}

export const ZNotificationsResponse = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({ id: z.uuid(), kind: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() }),
  ),
});
export type NotificationRow = z.infer<typeof ZNotificationsResponse>["items"][number];

/** Kinds each permission may see (a cashier gets no payables alerts). */
export const NOTIFICATION_KINDS: Record<string, "purchasing.read" | "stock.read" | "fiscal.read" | "fiscal.issue" | "tenant.settings" | "billing.read"> = {
  PAYABLE_DUE_SOON: "purchasing.read",
  PAYABLE_OVERDUE: "purchasing.read",
  REPLENISHMENT: "purchasing.read",
  LOTS_EXPIRING: "stock.read",
  // Fiscal (ARCA): CAEA missing / reporting deadline / share of the fortnight; certificate expiry.
  FISCAL_CAEA_MISSING: "fiscal.read",
  FISCAL_CAEA_DEADLINE: "fiscal.issue",
  FISCAL_CAEA_SHARE: "fiscal.issue",
  FISCAL_CERT_EXPIRING: "tenant.settings",
  RECEIVABLE_OVERDUE: "billing.read",
};

const visible = (userId: string, kinds: string[]) =>
  sql`(n.user_id is null or n.user_id = ${userId}::uuid) and (n.kind = any(${pgArray(kinds, "text")}) or n.user_id = ${userId}::uuid)`;

export async function listNotifications(tx: Tx, userId: string, kinds: string[], limit = 30): Promise<{ unread: number; items: NotificationRow[] }> {
  const items = await tx.execute<NotificationRow>(sql`
    select n.id, n.kind, n.title, n.body, n.link, ${isoTs(sql`n.created_at`)} as "createdAt",
           exists (select 1 from notification_reads r where r.notification_id = n.id and r.user_id = ${userId}::uuid) as read
    from notifications n where ${visible(userId, kinds)}
    order by n.created_at desc limit ${limit}`);
  const [c] = await tx.execute<{ unread: number }>(sql`
    select count(*)::int as unread from notifications n
    where ${visible(userId, kinds)} and not exists (select 1 from notification_reads r where r.notification_id = n.id and r.user_id = ${userId}::uuid)`);
  return { unread: c!.unread, items };
}

export async function unreadCount(tx: Tx, userId: string, kinds: string[]): Promise<number> {
  const [c] = await tx.execute<{ unread: number }>(sql`
    select count(*)::int as unread from notifications n
    where ${visible(userId, kinds)} and not exists (select 1 from notification_reads r where r.notification_id = n.id and r.user_id = ${userId}::uuid)`);
  return c!.unread;
}

/** Marks the given notifications (or all visible ones) read for this user. */
export async function markNotificationsRead(tx: Tx, userId: string, kinds: string[], ids?: string[]): Promise<void> {
  await tx.execute(sql`
    insert into notification_reads (tenant_id, notification_id, user_id)
    select ${TENANT}, n.id, ${userId}::uuid from notifications n
    where ${visible(userId, kinds)} ${ids ? sql`and n.id = any(${pgArray(ids, "uuid")})` : sql``}
    on conflict do nothing`);
}
