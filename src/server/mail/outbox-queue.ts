import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

// The outbox as a queue (issue 11): senders claim due messages with a lease (skip locked, so
// two app instances never take the same one), mark them sent, or schedule a retry with a
// growing delay and give up after MAX_ATTEMPTS (the message stays, with its last error).

export const MAX_ATTEMPTS = 8;
/** How long a claim lasts: a sender that crashed mid-send frees its messages after this. */
const LEASE = "5 minutes";

export type ClaimedMail = { id: string; toEmail: string; subject: string; body: string; attempts: number };

/** Up to `limit` due messages, oldest first, leased to this sender (their attempt counted). */
export async function claimDueMail(tx: Tx, limit: number): Promise<ClaimedMail[]> {
  const rows = await tx.execute<{ id: string; to_email: string; subject: string; body: string; attempts: number }>(sql`
    update outbox_messages o set attempts = o.attempts + 1, next_attempt_at = now() + ${LEASE}::interval
    where o.id in (
      select id from outbox_messages
      where sent_at is null and failed_at is null and next_attempt_at <= now()
      order by created_at limit ${limit} for update skip locked)
    returning o.id, o.to_email, o.subject, o.body, o.attempts`);
  return rows.map((r) => ({ id: r.id, toEmail: r.to_email, subject: r.subject, body: r.body, attempts: r.attempts }));
}

export async function markMailSent(tx: Tx, id: string) {
  await tx.execute(sql`update outbox_messages set sent_at = now(), last_error = null where id = ${id} and sent_at is null`);
}

/** A failed attempt: retry after 30 s doubling per attempt (capped at an hour), or give up. */
export async function markMailFailed(tx: Tx, id: string, error: string) {
  await tx.execute(sql`
    update outbox_messages set
      last_error = ${error.slice(0, 1000)},
      failed_at = case when attempts >= ${MAX_ATTEMPTS} then now() end,
      next_attempt_at = now() + make_interval(secs => least(3600, 30 * power(2, greatest(attempts - 1, 0)))::int)
    where id = ${id} and sent_at is null`);
}
