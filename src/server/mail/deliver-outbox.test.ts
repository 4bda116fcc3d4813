import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { adminSql } from "../../test/factories";
import { startSmtpStandIn } from "../../test/smtp-stand-in";

// The outbox delivered by SMTP against a real local SMTP server (smtp-server), with AUTH.
// The server starts before anything reads the environment, so SMTP_URL is configured the way
// production configures it.
const smtp = await startSmtpStandIn({ user: "mostrador", pass: "s3creta" });
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "Mostrador <no-responder@mostrador.test>";

const { deliverOutbox } = await import("./deliver-outbox");
const { smtpTransport } = await import("./smtp-transport");
const { MAX_ATTEMPTS } = await import("./outbox-queue");
const { deliverMail } = await import("../../inngest/functions/deliver-mail");

const admin = adminSql();
afterAll(async () => {
  await admin.end();
  await smtp.close();
});
beforeEach(async () => {
  // Each test starts from an empty queue and an empty mailbox.
  await admin`update outbox_messages set sent_at = coalesce(sent_at, now())`;
  smtp.received.length = 0;
  smtp.refuse.clear();
});

let n = 0;
async function enqueue(subject = "Hola") {
  n += 1;
  const to = `persona-${n}-${Date.now()}@destino.test`;
  const [row] = await admin<{ id: string }[]>`insert into outbox_messages (to_email, subject, body) values (${to}, ${subject}, ${`Cuerpo ${n}: http://localhost:3000/recuperar/abc`}) returning id`;
  return { id: row!.id, to };
}
const state = async (id: string) =>
  (
    await admin<{ sent: boolean; attempts: number; failed: boolean; error: string | null; due: boolean }[]>`
      select sent_at is not null as sent, attempts, failed_at is not null as failed, last_error as error, next_attempt_at <= now() as due
      from outbox_messages where id = ${id}`
  )[0]!;

describe("outbox delivery by SMTP", () => {
  it("sends each due message once, with its own Message-ID, and marks it sent; a second run sends nothing", async () => {
    const a = await enqueue("Elegí una contraseña nueva");
    const b = await enqueue("Invitación");
    const first = await deliverOutbox(smtpTransport()!);
    expect(first).toEqual({ claimed: 2, sent: 2, failed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([a.to, b.to].sort());
    const mailA = smtp.received.find((m) => m.to[0] === a.to)!;
    expect(mailA.from).toBe("no-responder@mostrador.test");
    expect(mailA.raw).toContain(`Message-ID: <${a.id}@mostrador.test>`);
    expect(mailA.raw).toContain("http://localhost:3000/recuperar/abc");
    expect(await state(a.id)).toMatchObject({ sent: true, attempts: 1, error: null });

    expect(await deliverOutbox(smtpTransport()!)).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("a refused recipient is retried later with a growing delay, then sent; after too many failures it is given up", async () => {
    const m = await enqueue();
    smtp.refuse.add(m.to);
    expect(await deliverOutbox(smtpTransport()!)).toEqual({ claimed: 1, sent: 0, failed: 1 });
    const after1 = await state(m.id);
    expect(after1).toMatchObject({ sent: false, attempts: 1, failed: false, due: false });
    expect(after1.error).toMatch(/450/);
    // Not due yet: nothing is tried.
    expect(await deliverOutbox(smtpTransport()!)).toEqual({ claimed: 0, sent: 0, failed: 0 });
    const [delay] = await admin<{ s: number }[]>`select extract(epoch from next_attempt_at - now())::int as s from outbox_messages where id = ${m.id}`;
    expect(delay!.s).toBeGreaterThan(20);
    expect(delay!.s).toBeLessThanOrEqual(30);

    // Due again and the mailbox is back: delivered.
    smtp.refuse.clear();
    await admin`update outbox_messages set next_attempt_at = now() where id = ${m.id}`;
    expect(await deliverOutbox(smtpTransport()!)).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(await state(m.id)).toMatchObject({ sent: true, attempts: 2, error: null });

    const dead = await enqueue();
    smtp.refuse.add(dead.to);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await admin`update outbox_messages set next_attempt_at = now() where id = ${dead.id}`;
      await deliverOutbox(smtpTransport()!);
    }
    expect(await state(dead.id)).toMatchObject({ sent: false, failed: true, attempts: MAX_ATTEMPTS });
    await admin`update outbox_messages set next_attempt_at = now() where id = ${dead.id}`;
    expect((await deliverOutbox(smtpTransport()!)).claimed).toBe(0);
  });

  it("wrong SMTP credentials send nothing and keep the messages for a retry", async () => {
    const m = await enqueue();
    const wrong = smtpTransport(smtp.url.replace("s3creta", "otra"))!;
    expect(await deliverOutbox(wrong)).toEqual({ claimed: 1, sent: 0, failed: 1 });
    expect(smtp.received).toHaveLength(0);
    expect(await state(m.id)).toMatchObject({ sent: false, failed: false, attempts: 1 });
    expect((await state(m.id)).error).toMatch(/Invalid login|auth/i);
  });

  it("two senders at once deliver every message exactly once", async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await enqueue()).id);
    const [x, y] = await Promise.all([deliverOutbox(smtpTransport()!), deliverOutbox(smtpTransport()!)]);
    expect(x.sent + y.sent).toBe(12);
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(12);
  });

  it("the Inngest cron delivers the outbox with the configured SMTP_URL", async () => {
    const m = await enqueue();
    const run = await new InngestTestEngine({ function: deliverMail }).execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual({ configured: true, claimed: 1, sent: 1, failed: 0 });
    expect(smtp.received.map((r) => r.to[0])).toEqual([m.to]);
  });

  it("without SMTP_URL there is no transport: e-mails wait in the outbox (the development default)", () => {
    expect(smtpTransport("")).toBeNull();
  });
});
