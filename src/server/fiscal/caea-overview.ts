import "server-only";
import { z } from "zod";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalDocuments, fiscalPointsOfSale, fiscalSettings } from "../db/schema/fiscal";
import { fiscalCaeas, fiscalRegisterContingency } from "../db/schema/caea";
import { registers } from "../db/schema/registers";
import { arDate } from "@/lib/ar-time";
import { fortnightAt } from "@/lib/caea-period";
import { dec } from "@/lib/decimal";

/** Warn when the CAEA share reaches this fraction of ARCA's limit. */
export const SHARE_WARNING_FRACTION = "0.8";

export const ZCaeaOverviewResponse = z.object({
  today: z.string(),
  period: z.number(),
  fortnight: z.union([z.literal(1), z.literal(2)]),
  contingencyAfterMinutes: z.number(),
  caeas: z.array(
    z.object({
      id: z.uuid(),
      period: z.number(),
      fortnight: z.number(),
      caea: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      reportDeadline: z.string(),
      current: z.boolean(),
      pending: z.number(),
      reported: z.number(),
      rejected: z.number(),
    }),
  ),
  rejected: z.array(
    z.object({
      id: z.uuid(),
      pointOfSale: z.number(),
      cbteTipo: z.number().nullable(),
      number: z.number().nullable(),
      issueDate: z.string().nullable(),
      total: z.string(),
      receiverDocType: z.number(),
      receiverDocNumber: z.string(),
      receiverIvaCondition: z.number(),
      reportErrors: z.array(z.object({ code: z.number(), msg: z.string() })),
    }),
  ),
  share: z.object({
    documents: z.number(),
    underCaea: z.number(),
    percent: z.string(),
    limitPercent: z.string(),
    warning: z.boolean(),
    reached: z.boolean(),
  }),
  registers: z.array(
    z.object({
      registerId: z.uuid(),
      name: z.string(),
      pointOfSale: z.number(),
      contingencyPointOfSale: z.number().nullable(),
      mode: z.enum(["OFF", "MANUAL", "AUTO"]),
      since: z.string().nullable(),
      unavailableSince: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  pointsOfSale: z.array(
    z.object({ number: z.number(), name: z.string(), emissionType: z.enum(["CAE", "CAEA"]), fallbackFor: z.number().nullable(), active: z.boolean() }),
  ),
});
export type TCaeaOverviewResponse = z.infer<typeof ZCaeaOverviewResponse>;

/**
 * The contingency picture for the fiscal page and the alerts: CAEAs (current first), documents
 * waiting to be reported or rejected (with ARCA's reasons), the share of this fortnight's
 * documents issued under CAEA against the configured limit, and registers in contingency.
 */
// eslint-disable-next-line max-lines-per-function -- one overview read: the period's CAEA, its documents and what is still to report
export async function getCaeaOverview(tx: Tx, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const today = arDate(now);
  const f = fortnightAt(now);
  const [s] = await tx.select().from(fiscalSettings).limit(1);
  const caeas = await tx.select().from(fiscalCaeas).orderBy(desc(fiscalCaeas.period), desc(fiscalCaeas.fortnight)).limit(6);
  const counts = await tx
    .select({ caeaId: fiscalDocuments.caeaId, status: fiscalDocuments.reportStatus, n: sql<number>`count(*)::int` })
    .from(fiscalDocuments)
    .where(eq(fiscalDocuments.authType, "CAEA"))
    .groupBy(fiscalDocuments.caeaId, fiscalDocuments.reportStatus);
  const rejected = await tx
    .select({
      id: fiscalDocuments.id,
      pointOfSale: fiscalDocuments.pointOfSale,
      cbteTipo: fiscalDocuments.cbteTipo,
      number: fiscalDocuments.number,
      issueDate: fiscalDocuments.issueDate,
      total: fiscalDocuments.total,
      receiverDocType: fiscalDocuments.receiverDocType,
      receiverDocNumber: fiscalDocuments.receiverDocNumber,
      receiverIvaCondition: fiscalDocuments.receiverIvaCondition,
      reportErrors: fiscalDocuments.reportErrors,
    })
    .from(fiscalDocuments)
    .where(and(eq(fiscalDocuments.authType, "CAEA"), eq(fiscalDocuments.reportStatus, "REJECTED")))
    .orderBy(fiscalDocuments.pointOfSale, fiscalDocuments.number)
    .limit(200);
  const [share] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      caea: sql<number>`count(*) filter (where ${fiscalDocuments.authType} = 'CAEA')::int`,
    })
    .from(fiscalDocuments)
    .where(and(eq(fiscalDocuments.status, "ISSUED"), sql`${fiscalDocuments.issueDate} between ${f.from} and ${f.to}`));
  const limit = s?.caeaMaxSharePercent ?? "10.00";
  const percent = share && share.total > 0 ? dec(share.caea).times(100).div(share.total).toDecimalPlaces(2).toFixed(2) : "0.00";
  const regs = await tx
    .select({ id: registers.id, name: registers.name, pointOfSale: registers.afipPointOfSale, c: fiscalRegisterContingency })
    .from(registers)
    .leftJoin(fiscalRegisterContingency, eq(fiscalRegisterContingency.registerId, registers.id))
    .where(eq(registers.fiscalEnabled, true))
    .orderBy(registers.name);
  const pointsOfSale = await tx.select().from(fiscalPointsOfSale).orderBy(fiscalPointsOfSale.number);
  const n = (caeaId: string, st: string) => counts.find((c) => c.caeaId === caeaId && c.status === st)?.n ?? 0;
  return {
    today,
    period: f.period,
    fortnight: f.fortnight,
    contingencyAfterMinutes: s?.contingencyAfterMinutes ?? 15,
    caeas: caeas.map((c) => ({
      id: c.id,
      period: c.period,
      fortnight: c.fortnight,
      caea: c.caea,
      validFrom: c.validFrom,
      validTo: c.validTo,
      reportDeadline: c.reportDeadline,
      current: c.validFrom <= today && today <= c.validTo,
      pending: n(c.id, "PENDING"),
      reported: n(c.id, "REPORTED"),
      rejected: n(c.id, "REJECTED"),
    })),
    rejected,
    share: {
      documents: share?.total ?? 0,
      underCaea: share?.caea ?? 0,
      percent,
      limitPercent: limit,
      warning: dec(percent).gte(dec(limit).times(SHARE_WARNING_FRACTION)),
      reached: dec(percent).gte(limit),
    },
    registers: regs.map((r) => ({
      registerId: r.id,
      name: r.name,
      pointOfSale: r.pointOfSale,
      contingencyPointOfSale: pointsOfSale.find((p) => p.emissionType === "CAEA" && p.active && p.fallbackFor === r.pointOfSale)?.number ?? null,
      mode: r.c?.mode ?? "OFF",
      since: r.c?.since?.toISOString() ?? null,
      unavailableSince: r.c?.unavailableSince?.toISOString() ?? null,
      reason: r.c?.reason ?? null,
    })),
    pointsOfSale: pointsOfSale.map((p) => ({ number: p.number, name: p.name, emissionType: p.emissionType, fallbackFor: p.fallbackFor, active: p.active })),
  };
}
export type CaeaOverview = Awaited<ReturnType<typeof getCaeaOverview>>;
