import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Tx } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { type Decimal, money } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import { ZCreditOverrideInput, type TCreditOverrideInput } from "@/lib/schemas/billing";
import { billingSupervisor } from "./supervisor";
import { sql } from "drizzle-orm";

// A sale over a customer's credit limit needs a supervisor. The supervisor's credentials are
// checked HERE, online and throttled, and what travels with the sale is a signed, short-lived
// grant: the terminal writes every sale to its offline queue (IndexedDB) before sending it,
// and a password must never be stored there.

/** How long a supervisor's authorisation stays usable (the sale is normally sent at once). */
export const GRANT_TTL_MS = 15 * 60_000;

export const ZCreditOverrideResponse = z.object({ grant: z.string(), expiresAt: z.string(), supervisorName: z.string(), amount: z.string() });

type Payload = { t: string; c: string; a: string; s: string; x: number };

const key = () => createHmac("sha256", env().NEXTAUTH_SECRET).update("mostrador:credit-override:v1").digest();
const sign = (body: string) => createHmac("sha256", key()).update(body).digest("base64url");
const tenantOf = async (tx: Tx) => (await tx.execute<{ id: string }>(sql`select current_setting('app.current_tenant', true) as id`))[0]!.id;

/** The supervisor authorises this customer's sales on account up to `amount` for a few minutes. */
export async function authorizeCreditOverride(tx: Tx, raw: TCreditOverrideInput, actor: { userId: string; ip?: string }, now = Date.now()) {
  const input = ZCreditOverrideInput.parse(raw);
  const sup = await billingSupervisor(tx, { email: input.supervisorEmail, password: input.supervisorPassword }, "billing.override", input.customerId, actor);
  const payload: Payload = { t: await tenantOf(tx), c: input.customerId, a: money(input.amount), s: sup.userId, x: now + GRANT_TTL_MS };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return ZCreditOverrideResponse.parse({ grant: `v1.${body}.${sign(body)}`, expiresAt: new Date(payload.x).toISOString(), supervisorName: sup.name ?? "", amount: payload.a });
}

/** The supervisor who authorised this sale, or a Spanish refusal (forged, expired, another customer or business, over the amount). */
export async function verifyCreditOverride(tx: Tx, grant: string, sale: { customerId: string; total: Decimal }, now = Date.now()): Promise<{ supervisorId: string }> {
  const refused = (why: string) => new AppError("FORBIDDEN", `La autorización del supervisor no sirve para esta venta: ${why}`);
  const [v, body, mac] = grant.split(".");
  if (v !== "v1" || !body || !mac) throw refused("no es válida.");
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused("no es válida.");
  const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  if (p.t !== (await tenantOf(tx)) || p.c !== sale.customerId) throw refused("es para otro cliente.");
  if (now > p.x) throw refused("venció; pedila de nuevo.");
  if (sale.total.gt(p.a)) throw refused(`autoriza hasta ${formatMoney(p.a)}.`);
  return { supervisorId: p.s };
}
