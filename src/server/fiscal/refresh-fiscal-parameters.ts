import "server-only";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { paramPointsOfSale, paramReceiverConditions } from "../afip/wsfe-params";
import { AfipSoapFault, AfipTransportError } from "../afip/soap";
import { openArcaSession } from "./arca-session";

/**
 * Refresh the business's cached ARCA parameter tables (FEParamGetPtosVenta,
 * FEParamGetCondicionIvaReceptor). Daily from Inngest and on demand from the settings page.
 * A failed call keeps the previous cache.
 */
export async function refreshFiscalParameters(tenantId: string): Promise<{ refreshed: string[]; failed: string[] }> {
  const out = { refreshed: [] as string[], failed: [] as string[] };
  const session = await openArcaSession(tenantId);
  if (!session) return out;
  const { environment, cuit } = session.settings;
  const save = (kind: "POINTS_OF_SALE" | "RECEIVER_IVA_CONDITIONS", data: unknown[]) =>
    withTenant(tenantId, (tx) =>
      tx.execute(sql`
        insert into fiscal_parameters (tenant_id, environment, cuit, kind, data, fetched_at)
        values (${tenantId}::uuid, ${environment}::fiscal_environment, ${cuit}, ${kind}, ${JSON.stringify(data)}::jsonb, now())
        on conflict (tenant_id, environment, cuit, kind) do update set data = excluded.data, fetched_at = now()`),
    );
  try {
    const auth = await session.auth();
    const p = await paramPointsOfSale(session.o, auth);
    if (p.errors.length) out.failed.push(`FEParamGetPtosVenta: ${p.errors.map((e) => `${e.code} ${e.msg}`).join(" · ")}`);
    else {
      await save("POINTS_OF_SALE", p.pointsOfSale);
      out.refreshed.push("POINTS_OF_SALE");
    }
    const c = await paramReceiverConditions(session.o, auth);
    if (c.errors.length) out.failed.push(`FEParamGetCondicionIvaReceptor: ${c.errors.map((e) => `${e.code} ${e.msg}`).join(" · ")}`);
    else {
      await save("RECEIVER_IVA_CONDITIONS", c.conditions);
      out.refreshed.push("RECEIVER_IVA_CONDITIONS");
    }
  } catch (e) {
    if (e instanceof AfipTransportError || e instanceof AfipSoapFault) out.failed.push(e.message);
    else throw e;
  }
  return out;
}
