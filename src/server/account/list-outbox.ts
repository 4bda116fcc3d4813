import "server-only";
import { desc } from "drizzle-orm";
import { withAnonymous } from "../db/with-tenant";
import { outboxMessages } from "../db/schema/security";

export type OutboxMessage = { id: string; toEmail: string; subject: string; body: string; createdAt: Date };

/** Development only: the latest e-mails the app "sent" (reset and invitation links without a mail server). */
export async function listOutbox(limit = 50): Promise<OutboxMessage[]> {
  const rows = await withAnonymous((tx) => tx.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(limit));
  return rows.map((m) => ({ id: m.id, toEmail: m.toEmail, subject: m.subject, body: m.body, createdAt: m.createdAt }));
}
