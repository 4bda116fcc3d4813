import "server-only";
import { withAnonymous } from "../db/with-tenant";
import { env } from "../env";
import { log } from "../log";
import { claimDueMail, markMailFailed, markMailSent } from "./outbox-queue";
import type { MailTransport } from "./smtp-transport";

/**
 * Sends due outbox messages through `transport`. Each message is claimed in its own short
 * transaction and marked after the SMTP server accepted it; nothing is sent inside a database
 * transaction. The Message-ID is derived from the outbox id, so if a sender dies between the
 * server's acceptance and the mark, the one resend carries the same id and mail systems
 * recognise it as a duplicate.
 */
export async function deliverOutbox(transport: MailTransport, opts: { limit?: number; from?: string; domain?: string } = {}) {
  const from = opts.from ?? env().MAIL_FROM;
  const domain = opts.domain ?? (/@([^>\s]+)/.exec(from)?.[1] ?? "mostrador.local");
  const claimed = await withAnonymous((tx) => claimDueMail(tx, opts.limit ?? 50));
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      await transport.sendMail({ from, to: m.toEmail, subject: m.subject, text: m.body, messageId: `<${m.id}@${domain}>`, headers: { "Auto-Submitted": "auto-generated" } });
      await withAnonymous((tx) => markMailSent(tx, m.id));
      sent += 1;
    } catch (e) {
      failed += 1;
      const message = e instanceof Error ? e.message : String(e);
      log.warn({ outboxId: m.id, attempt: m.attempts, err: message }, "e-mail not sent; will retry");
      await withAnonymous((tx) => markMailFailed(tx, m.id, message));
    }
  }
  return { claimed: claimed.length, sent, failed };
}
