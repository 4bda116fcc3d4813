import { sql } from "drizzle-orm";
import { inngest } from "../client";
import { getDb } from "@/server/db/client";
import { runFiscalDaily } from "@/server/fiscal/run-fiscal-daily";
import { runCaeaMaintenance } from "@/server/fiscal/caea-maintenance";

const listTenants = async () => (await getDb().execute<{ id: string }>(sql`select all_tenant_ids() as id`)).map((r) => r.id);

/**
 * Every morning (Buenos Aires): per business, the CAEA of the current fortnight and, inside
 * ARCA's window, of the next one; ARCA's parameter tables; certificate expiry. One step per
 * tenant (a failing tenant retries alone); everything is idempotent.
 */
export const fiscalDaily = inngest.createFunction(
  { id: "fiscal-daily", name: "Fiscal diario: CAEA, parámetros de ARCA y certificado", triggers: [{ cron: "TZ=America/Argentina/Buenos_Aires 15 6 * * *" }], retries: 3 },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", listTenants);
    const results = [];
    for (const tenantId of tenantIds) results.push(await step.run(`daily-${tenantId}`, () => runFiscalDaily(tenantId).then((r) => ({ tenantId, ...r }))));
    return { tenants: tenantIds.length, results };
  },
);

/** Every 10 minutes: end automatic contingency when ARCA answers, report CAEA documents, "sin movimiento", alerts. */
export const fiscalCaeaMaintenance = inngest.createFunction(
  { id: "fiscal-caea-maintenance", name: "Contingencia CAEA: informar comprobantes y volver a CAE", triggers: [{ cron: "*/10 * * * *" }], retries: 2 },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", listTenants);
    const results = [];
    for (const tenantId of tenantIds) results.push(await step.run(`caea-${tenantId}`, () => runCaeaMaintenance(tenantId).then((r) => ({ tenantId, ...r }))));
    return { tenants: tenantIds.length, results };
  },
);
