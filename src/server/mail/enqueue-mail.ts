import "server-only";
import type { Tx } from "../db/client";
import { outboxMessages } from "../db/schema/security";
import { env } from "../env";

/** An e-mail joins the outbox in the caller's transaction: sent only if the change commits. */
export async function enqueueMail(tx: Tx, msg: { to: string; subject: string; body: string }) {
  await tx.insert(outboxMessages).values({ toEmail: msg.to, subject: msg.subject.slice(0, 200), body: msg.body.slice(0, 10_000) });
}

/** Absolute links in e-mails: the configured public URL, else the local development one. */
export const appUrl = (path: string) => `${(env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "")}${path}`;
