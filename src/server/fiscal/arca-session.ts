import "server-only";
import { runtimeEnv } from "../env";
import { eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalSettings } from "../db/schema/fiscal";
import type { Auth, WsfeOptions } from "../afip/wsfe";
import { getAccessTicket, type Credentials } from "./access-ticket";
import { afipTimeoutMs, endpointsFor } from "./afip-runtime";
import { decryptPrivateKey } from "./key-encryption";

export type ArcaSession = {
  settings: typeof fiscalSettings.$inferSelect;
  creds: Credentials;
  o: WsfeOptions;
  /** The shared WSAA ticket (cached; logs in only when needed). */
  auth(): Promise<Auth>;
};

/**
 * What a background job needs to talk to ARCA for a tenant: settings, credentials, WSFEv1
 * options and the cached ticket. Null when the business has no certificate yet (or FAKE in
 * production). Reads in one short transaction; no transaction stays open during ARCA calls.
 */
export async function openArcaSession(tenantId: string): Promise<ArcaSession | null> {
  const [s] = await withTenant(tenantId, (tx) => tx.select().from(fiscalSettings).where(eq(fiscalSettings.tenantId, tenantId)));
  if (!s?.certificatePem || !s.privateKeyEncrypted) return null;
  if (s.environment === "FAKE" && runtimeEnv().NODE_ENV === "production") return null;
  const creds: Credentials = {
    cuit: s.cuit,
    environment: s.environment,
    certPem: s.certificatePem,
    keyPem: decryptPrivateKey(s.privateKeyEncrypted),
    endpoints: await endpointsFor(s.environment),
  };
  return { settings: s, creds, o: { url: creds.endpoints.wsfe, timeoutMs: afipTimeoutMs() }, auth: () => getAccessTicket(tenantId, creds) };
}
