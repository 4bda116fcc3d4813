import "server-only";
import { z } from "zod";
import { or, eq, isNotNull } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalRegisterContingency } from "../db/schema/caea";
import { feDummy } from "../afip/wsfe";
import { addDays, formatCalendarDate } from "@/lib/ar-time";
import { fortnightLabel } from "@/lib/caea-period";
import { dec } from "@/lib/decimal";
import { notify, type NewNotification } from "../purchasing/notifications";
import { openArcaSession } from "./arca-session";
import { getCaeaOverview } from "./caea-overview";
import { noteCaeAvailable } from "./register-contingency";
import { reportCaeaDocuments } from "./report-caea-documents";
import { reportNoMovement } from "./report-no-movement";

const pctFmt = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 2 });
const pct = (v: string) => pctFmt.format(dec(v).toNumber());

/** Alert this many days before ARCA's reporting deadline while documents are still unreported. */
const DEADLINE_ALERT_DAYS = 3;

/** skipped: there is no ARCA session to work with (no fiscal settings or certificate yet). */
export const ZReportCaeaNowResponse = z.discriminatedUnion("skipped", [
  z.object({ skipped: z.literal(true) }),
  z.object({
    skipped: z.literal(false),
    recovered: z.boolean(),
    reports: z.object({ reported: z.number(), rejected: z.number(), failed: z.array(z.string()) }),
    noMovement: z.object({ informed: z.number(), failed: z.array(z.string()) }),
    alerts: z.number(),
  }),
]);
export type TReportCaeaNowResponse = z.infer<typeof ZReportCaeaNowResponse>;

/**
 * The contingency's background round (Inngest cron, every 10 minutes): probe ARCA when a
 * register is in automatic contingency and end it when WSFEv1 answers; report CAEA documents;
 * inform "sin movimiento" for idle CAEA points of sale of ended fortnights; alert on deadlines
 * and on the CAEA share nearing ARCA's limit (dedupe keys: once per CAEA / day).
 */
export async function runCaeaMaintenance(tenantId: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const session = await openArcaSession(tenantId);
  if (!session) return { skipped: true as const };
  let recovered = false;
  const outage = await withTenant(tenantId, (tx) =>
    tx
      .select({ id: fiscalRegisterContingency.registerId })
      .from(fiscalRegisterContingency)
      .where(or(eq(fiscalRegisterContingency.mode, "AUTO"), isNotNull(fiscalRegisterContingency.unavailableSince)))
      .limit(1),
  );
  if (outage.length) {
    try {
      const d = await feDummy({ ...session.o, timeoutMs: Math.min(session.o.timeoutMs ?? 30_000, 15_000) });
      if (d.appServer === "OK" && d.dbServer === "OK" && d.authServer === "OK") {
        await noteCaeAvailable(tenantId);
        recovered = true;
      }
    } catch {
      // still down: stay in contingency
    }
  }
  const reports = await reportCaeaDocuments(tenantId);
  const noMovement = await reportNoMovement(tenantId, { now });
  const alerts = await withTenant(tenantId, async (tx) => {
    const o = await getCaeaOverview(tx, { now });
    const items: NewNotification[] = [];
    for (const c of o.caeas) {
      const open = c.pending + c.rejected;
      if (open > 0 && o.today >= addDays(c.reportDeadline, -DEADLINE_ALERT_DAYS)) {
        items.push({
          kind: "FISCAL_CAEA_DEADLINE",
          title: `Faltan informar ${open} comprobantes CAEA a ARCA (ex AFIP)`,
          body: `${fortnightLabel(c.period, c.fortnight)}: el plazo vence el ${formatCalendarDate(c.reportDeadline)}.${c.rejected ? ` ${c.rejected} rechazados esperan corrección.` : ""}`,
          link: "/fiscal",
          dedupeKey: `caea-deadline:${c.id}:${o.today}`,
        });
      }
    }
    if (o.share.warning) {
      items.push({
        kind: "FISCAL_CAEA_SHARE",
        title: o.share.reached ? "Se alcanzó el límite de comprobantes por CAEA" : "Cerca del límite de comprobantes por CAEA",
        body: `${pct(o.share.percent)} % de los comprobantes de la quincena se emitieron por CAEA (límite ${pct(o.share.limitPercent)} %).`,
        link: "/fiscal",
        dedupeKey: `caea-share:${o.period}-${o.fortnight}:${o.share.reached ? "reached" : "warning"}`,
      });
    }
    return notify(tx, items);
  });
  return { skipped: false as const, recovered, reports, noMovement, alerts };
}
