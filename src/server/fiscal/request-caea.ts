import "server-only";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalCaeas } from "../db/schema/caea";
import { caeaConsultar, caeaSolicitar, type CaeaGrant } from "../afip/wsfe-caea";
import { addDays, arDate } from "@/lib/ar-time";
import { CAEA_REQUEST_DAYS_BEFORE, fortnightAt, fortnightLabel, nextFortnight, type Fortnight } from "@/lib/caea-period";
import { notify } from "../purchasing/notifications";
import { openArcaSession } from "./arca-session";

export type CaeaRequestOutcome = { period: number; fortnight: number; status: "STORED" | "ALREADY_STORED" | "NOT_YET" | "FAILED"; caea?: string; message?: string };

const iso = (y: string) => (/^\d{8}$/.test(y) ? `${y.slice(0, 4)}-${y.slice(4, 6)}-${y.slice(6, 8)}` : null);
/** ARCA's "a CAEA was already granted for this period and order": read it with FECAEAConsultar. */
const ALREADY_GRANTED = 15008;

export const ZRequestCaeaResponse = z.array(
  z.object({
    period: z.number(),
    fortnight: z.number(),
    status: z.enum(["FAILED", "STORED", "ALREADY_STORED", "NOT_YET"]),
    caea: z.string().optional(),
    message: z.string().optional(),
  }),
);
export type TRequestCaeaResponse = z.infer<typeof ZRequestCaeaResponse>;

/**
 * Obtain the CAEA of the current fortnight and, inside ARCA's window (from 5 days before it
 * starts), of the next one; store each with its validity and reporting deadline as ARCA returns
 * them. If ARCA answers that one was already granted (e.g. requested from another system or a
 * lost answer), fetch it with FECAEAConsultar. Alerts when the current fortnight has no CAEA.
 * Idempotent: stored periods are skipped; the unique key makes concurrent runs store one.
 */
export async function requestCaeas(tenantId: string, opts: { now?: Date } = {}): Promise<CaeaRequestOutcome[]> {
  const now = opts.now ?? new Date();
  const session = await openArcaSession(tenantId);
  if (!session) return [];
  const { settings: s } = session;
  const current = fortnightAt(now);
  const next = nextFortnight(current);
  const today = arDate(now);
  const wanted: Fortnight[] = [current, ...(today >= addDays(next.from, -CAEA_REQUEST_DAYS_BEFORE) ? [next] : [])];
  const out: CaeaRequestOutcome[] = [];
  for (const f of wanted) {
    const existing = await withTenant(tenantId, (tx) =>
      tx
        .select()
        .from(fiscalCaeas)
        .where(and(eq(fiscalCaeas.environment, s.environment), eq(fiscalCaeas.cuit, s.cuit), eq(fiscalCaeas.period, f.period), eq(fiscalCaeas.fortnight, f.fortnight))),
    );
    if (existing.length) {
      out.push({ period: f.period, fortnight: f.fortnight, status: "ALREADY_STORED", caea: existing[0]!.caea });
      continue;
    }
    let g: CaeaGrant;
    try {
      const auth = await session.auth();
      g = await caeaSolicitar(session.o, auth, f.period, f.fortnight);
      if (!g.caea && g.errors.some((e) => e.code === ALREADY_GRANTED)) g = await caeaConsultar(session.o, auth, f.period, f.fortnight);
    } catch (e) {
      out.push({ period: f.period, fortnight: f.fortnight, status: "FAILED", message: (e as Error).message });
      continue;
    }
    const from = iso(g.validFrom);
    const to = iso(g.validTo);
    const deadline = iso(g.reportDeadline);
    if (!g.caea || !from || !to || !deadline) {
      out.push({ period: f.period, fortnight: f.fortnight, status: "FAILED", message: g.errors.map((e) => `${e.code}: ${e.msg}`).join(" · ") || "ARCA no devolvió el CAEA" });
      continue;
    }
    await withTenant(tenantId, (tx) =>
      tx
        .insert(fiscalCaeas)
        .values({
          tenantId,
          environment: s.environment,
          cuit: s.cuit,
          period: f.period,
          fortnight: f.fortnight,
          caea: g.caea!,
          validFrom: from,
          validTo: to,
          reportDeadline: deadline,
          processedOn: iso(g.processedOn),
          observations: g.observations,
        })
        .onConflictDoNothing(),
    );
    out.push({ period: f.period, fortnight: f.fortnight, status: "STORED", caea: g.caea });
  }
  const cur = out.find((r) => r.period === current.period && r.fortnight === current.fortnight);
  if (cur && (cur.status === "FAILED" || cur.status === "NOT_YET")) {
    await withTenant(tenantId, (tx) =>
      notify(tx, [
        {
          kind: "FISCAL_CAEA_MISSING",
          title: `Sin CAEA para la ${fortnightLabel(current.period, current.fortnight)}`,
          body: `Si ARCA (ex AFIP) no responde, las cajas no podrán pasar a contingencia. Motivo: ${cur.message ?? "sin respuesta"}`.slice(0, 1000),
          link: "/fiscal",
          dedupeKey: `caea-missing:${current.period}-${current.fortnight}`,
        },
      ]),
    );
  }
  return out;
}
