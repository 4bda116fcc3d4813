import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { wsaaTickets } from "../db/schema/fiscal";
import { loginCms } from "../afip/wsaa";
import { AfipSoapFault, AfipTransportError } from "../afip/soap";
import type { AfipEndpoints, AfipEnvironment } from "../afip/endpoints";
import type { Auth } from "../afip/wsfe";
import { afipTimeoutMs } from "./afip-runtime";
import { FiscalRetryableError } from "./retryable";
import { decryptSecret, encryptSecret } from "./key-encryption";

/** Try to renew this long before expiry (AFIP may refuse while the ticket is valid; then it keeps being used). */
const RENEW_MARGIN_MS = 10 * 60_000;
/** A ticket with less than this left is not used for a new issuance. */
const STILL_VALID_MS = 60_000;
const FAULT_COOLDOWN_MS = 60_000;

export type Credentials = { cuit: string; environment: AfipEnvironment; certPem: string; keyPem: string; endpoints: AfipEndpoints };

/**
 * The WSAA ticket for tenant + CUIT + service + environment, from the shared cache. Renewal
 * happens under the row lock (select … for update) so concurrent workers wait for one login
 * instead of storming WSAA (which refuses a second login while a ticket is valid). That one
 * transaction holds the lock across the WSAA call on purpose: it is the only thing waiting on it.
 */
export async function getAccessTicket(tenantId: string, c: Credentials, service = "wsfe"): Promise<Auth> {
  const key = and(eq(wsaaTickets.cuit, c.cuit), eq(wsaaTickets.service, service), eq(wsaaTickets.environment, c.environment));
  type Row = { token: string | null; sign: string | null; expiresAt: Date | null };
  const left = (r?: Row) => (r?.token && r.sign && r.expiresAt ? r.expiresAt.getTime() - Date.now() : -1);
  // Token and sign are stored encrypted (they let anyone invoice as this CUIT for 12 h).
  // Rows written before encryption hold plaintext: still readable, re-encrypted on the next renewal.
  const read = (v: string) => (v.startsWith("v1:") ? decryptSecret(v) : v);
  const authOf = (r: Row): Auth => ({ token: read(r.token!), sign: read(r.sign!), cuit: c.cuit });

  const cached = await withTenant(tenantId, async (tx) => (await tx.select().from(wsaaTickets).where(key))[0]);
  if (cached && left(cached) > RENEW_MARGIN_MS) return authOf(cached);

  const outcome = await withTenant(tenantId, async (tx) => {
    await tx
      .insert(wsaaTickets)
      .values({ tenantId, cuit: c.cuit, service, environment: c.environment })
      .onConflictDoNothing();
    const [row] = await tx.select().from(wsaaTickets).where(key).for("update");
    if (row && left(row) > RENEW_MARGIN_MS) return { auth: authOf(row) };
    // Near expiry but still valid: usable while a renewal is refused or cooling down.
    const stillValid = row && left(row) > STILL_VALID_MS ? authOf(row) : undefined;
    if (row?.lastFaultAt && Date.now() - row.lastFaultAt.getTime() < FAULT_COOLDOWN_MS) {
      if (stillValid) return { auth: stillValid };
      return { error: new FiscalRetryableError(`WSAA: ${row.lastFault ?? "error"}; se espera un minuto antes de reintentar`, "60s") };
    }
    try {
      const t = await loginCms({ url: c.endpoints.wsaa, service, certPem: c.certPem, keyPem: c.keyPem, timeoutMs: afipTimeoutMs() });
      await tx
        .update(wsaaTickets)
        .set({
          token: encryptSecret(t.token),
          sign: encryptSecret(t.sign),
          generatedAt: t.generationTime,
          expiresAt: t.expirationTime,
          lastFault: null,
          lastFaultAt: null,
          loginCount: sql`${wsaaTickets.loginCount} + 1`,
          updatedAt: new Date(),
        })
        .where(key);
      return { auth: { token: t.token, sign: t.sign, cuit: c.cuit } };
    } catch (e) {
      if (!(e instanceof AfipSoapFault || e instanceof AfipTransportError)) throw e;
      const msg = e instanceof AfipSoapFault ? `${e.faultCode}: ${e.faultString}` : e.message;
      await tx.update(wsaaTickets).set({ lastFault: msg, lastFaultAt: new Date(), updatedAt: new Date() }).where(key);
      // coe.alreadyAuthenticated while ours is still valid: keep using it, never throw it away.
      if (stillValid) return { auth: stillValid };
      return { error: new FiscalRetryableError(`WSAA: ${msg}`, "60s") };
    }
  });
  if ("error" in outcome) throw outcome.error;
  return outcome.auth;
}

/** AFIP said the token is not valid (600): drop it so the next attempt logs in again. */
export async function invalidateAccessTicket(tenantId: string, c: Pick<Credentials, "cuit" | "environment">, service = "wsfe") {
  await withTenant(tenantId, (tx) =>
    tx
      .update(wsaaTickets)
      .set({ token: null, sign: null, expiresAt: null, updatedAt: new Date() })
      .where(and(eq(wsaaTickets.cuit, c.cuit), eq(wsaaTickets.service, service), eq(wsaaTickets.environment, c.environment))),
  );
}
