import "server-only";
import nodemailer from "nodemailer";
import { env } from "../env";

/** What the outbox sender needs from a mail transport (nodemailer's SMTP transport in production). */
export type MailTransport = {
  sendMail(msg: { from: string; to: string; subject: string; text: string; messageId: string; headers?: Record<string, string> }): Promise<unknown>;
};

/** The SMTP transport configured by SMTP_URL, or null: then e-mails stay in the outbox (/dev/correo in development). */
export function smtpTransport(url = env().SMTP_URL): MailTransport | null {
  if (!url) return null;
  // Bounded waits: a hung server must not hold the sender (and its claimed messages) for long.
  return nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
}
