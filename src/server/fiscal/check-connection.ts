import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { feDummy } from "../afip/wsfe";
import { getAccessTicket } from "./access-ticket";
import { afipTimeoutMs, endpointsFor } from "./afip-runtime";
import { decryptPrivateKey } from "./key-encryption";

export type ConnectionCheck = {
  wsfe: { ok: boolean; detail: string };
  wsaa: { ok: boolean; detail: string };
};

export const ZCheckConnectionResponse = z.object({
  wsfe: z.object({ ok: z.boolean(), detail: z.string() }),
  wsaa: z.object({ ok: z.boolean(), detail: z.string() }),
});
export type TCheckConnectionResponse = z.infer<typeof ZCheckConnectionResponse>;

/**
 * "Probar conexión": FEDummy (WSFEv1 up?) and a WSAA ticket (certificate accepted?). Reads the
 * settings in the caller's transaction (no locks held); the ticket goes through the shared cache,
 * so testing never burns a login AFIP would then refuse.
 */
export async function checkConnection(tx: Tx, tenantId: string): Promise<ConnectionCheck> {
  const [s] = await tx.select().from(fiscalSettings).limit(1);
  if (!s) throw new AppError("INVALID_STATE", "Primero guardá los datos fiscales");
  const endpoints = await endpointsFor(s.environment);
  const out: ConnectionCheck = { wsfe: { ok: false, detail: "" }, wsaa: { ok: false, detail: "" } };
  try {
    const d = await feDummy({ url: endpoints.wsfe, timeoutMs: Math.min(afipTimeoutMs(), 15_000) });
    out.wsfe = {
      ok: d.appServer === "OK" && d.dbServer === "OK" && d.authServer === "OK",
      detail: `AppServer ${d.appServer} · DbServer ${d.dbServer} · AuthServer ${d.authServer}`,
    };
  } catch (e) {
    out.wsfe = { ok: false, detail: (e as Error).message };
  }
  if (!s.certificatePem || !s.privateKeyEncrypted) {
    out.wsaa = { ok: false, detail: "Falta subir el certificado y la clave privada" };
    return out;
  }
  try {
    await getAccessTicket(tenantId, {
      cuit: s.cuit,
      environment: s.environment,
      certPem: s.certificatePem,
      keyPem: decryptPrivateKey(s.privateKeyEncrypted),
      endpoints,
    });
    out.wsaa = { ok: true, detail: "Certificado aceptado: ticket de acceso vigente" };
  } catch (e) {
    out.wsaa = { ok: false, detail: (e as Error).message };
  }
  return out;
}
