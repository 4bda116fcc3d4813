import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";

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

/** Inserts notifications in one statement, skipping those whose dedupe key exists. Returns how many are new. */
export async function notify(tx: Tx, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const values = sql.join(
    items.map(
      (n) =>
        sql`(${TENANT}, ${n.userId ?? null}::uuid, ${n.kind}, ${n.title.slice(0, 300)}, ${n.body?.slice(0, 1000) ?? null}, ${n.link ?? null}, ${JSON.stringify(n.data ?? {})}::jsonb, ${n.dedupeKey})`,
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
