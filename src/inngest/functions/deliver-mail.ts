import { inngest } from "../client";
import { deliverOutbox } from "@/server/mail/deliver-outbox";
import { smtpTransport } from "@/server/mail/smtp-transport";

/**
 * Every minute: sends what waits in the outbox by SMTP (SMTP_URL). Without SMTP_URL it does
 * nothing and e-mails stay in the outbox (development reads them on /dev/correo).
 */
export const deliverMail = inngest.createFunction(
  { id: "deliver-mail", name: "Envío de e-mails (outbox → SMTP)", triggers: [{ cron: "* * * * *" }], concurrency: [{ limit: 1 }], retries: 1 },
  async ({ step }) =>
    step.run("deliver", async () => {
      const transport = smtpTransport();
      if (!transport) return { configured: false as const, claimed: 0, sent: 0, failed: 0 };
      return { configured: true as const, ...(await deliverOutbox(transport)) };
    }),
);
