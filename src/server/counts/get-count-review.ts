import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";
import { dec, ZERO, type Decimal } from "@/lib/decimal";
import { loadCount, STATUS_LABEL, ZCountId } from "./common";
import { lineFigures, lineState, overThreshold, thresholdsOf, type LineState } from "./line-figures";

export const ZCountReviewInput = z.object({
  countId: ZCountId,
  filter: z.enum(["all", "differences", "over", "uncounted", "recount", "ready"]).default("all"),
  search: z.string().trim().max(80).optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
/** The whole count at once (printable report, CSV). */
export const ZCountReportInput = z.object({ countId: ZCountId });
const ZAllLines = ZCountReviewInput.extend({
  limit: z.number().int().min(1).max(100_000).default(100),
});
export type TCountReviewInput = z.input<typeof ZCountReviewInput>;

export const LINE_STATE_LABEL: Record<LineState, string> = {
  APPLIED: "Ajustada",
  SKIPPED: "Se deja como está",
  READY: "Lista",
  NEEDS_RECOUNT: "Supera el umbral: pedir reconteo",
  WAITING_RECOUNT: "Esperando reconteo",
  UNDECIDED: "Sin contar: decidir",
  ZERO: "Sin contar: se pone en cero",
  KEEP: "Sin contar: se deja como está",
  FAILED: "No se pudo aplicar",
};

const ZLine = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  sku: z.string(),
  unit: z.string(),
  lotNumber: z.string().nullable(),
  counted: z.string().nullable(),
  expected: z.string().nullable(),
  variance: z.string().nullable(),
  unitCost: z.string(),
  varianceCost: z.string().nullable(),
  counters: z.array(z.string()),
  round: z.number().int(),
  state: z.enum(["APPLIED", "SKIPPED", "READY", "NEEDS_RECOUNT", "WAITING_RECOUNT", "UNDECIDED", "ZERO", "KEEP", "FAILED"]),
  stateLabel: z.string(),
  overThreshold: z.boolean(),
  error: z.string().nullable(),
});

export const ZCountReviewResponse = z.object({
  count: z.object({
    id: z.uuid(),
    name: z.string(),
    warehouseName: z.string(),
    status: z.enum(["OPEN", "COUNTING", "REVIEW", "APPLIED", "CANCELLED"]),
    statusLabel: z.string(),
    thresholdPct: z.string().nullable(),
    thresholdMoney: z.string().nullable(),
  }),
  totals: z.object({
    lines: z.number().int(),
    byState: z.record(z.string(), z.number().int()),
    shrinkageQty: z.string(),
    shrinkageCost: z.string(),
    surplusQty: z.string(),
    surplusCost: z.string(),
  }),
  lines: z.array(ZLine),
  matched: z.number().int(),
});
export type TCountReviewResponse = z.infer<typeof ZCountReviewResponse>;

/** Review (managers): every line with counted, expected, variance in units and money, who counted. */
// eslint-disable-next-line max-lines-per-function -- one review query set (lines, deviations, totals) mapped once to the response
export async function getCountReview(tx: Tx, raw: TCountReviewInput | (z.input<typeof ZCountReportInput> & { limit: number })): Promise<TCountReviewResponse> {
  const v = ZAllLines.parse(raw);
  const c = await loadCount(tx, v.countId);
  const [w] = await tx.execute<{ name: string }>(sql`select name from warehouses where tenant_id = ${TENANT} and id = ${c.warehouseId}`);
  const t = thresholdsOf(c);
  const figures = await lineFigures(tx, c);
  const byState: Record<string, number> = {};
  let shrinkQ: Decimal = ZERO;
  let shrinkC: Decimal = ZERO;
  let surQ: Decimal = ZERO;
  let surC: Decimal = ZERO;
  const lines = figures.map((f) => {
    const state = lineState(f, t);
    byState[state] = (byState[state] ?? 0) + 1;
    let counted = f.counted;
    let expected = f.expected;
    if (f.applied && state === "APPLIED") {
      counted = dec(f.applied.counted);
      expected = dec(f.applied.expected);
    } else if (state === "ZERO") {
      counted = ZERO;
      expected = f.current;
    }
    const variance = counted !== null && expected !== null ? counted.minus(expected) : null;
    const cost = state === "APPLIED" && f.applied ? dec(f.applied.cost) : variance ? variance.times(f.unitCost) : null;
    if (variance && cost) {
      if (variance.lt(0)) {
        shrinkQ = shrinkQ.plus(variance.neg());
        shrinkC = shrinkC.plus(cost.neg());
      } else if (variance.gt(0)) {
        surQ = surQ.plus(variance);
        surC = surC.plus(cost);
      }
    }
    return {
      id: f.id,
      productId: f.productId,
      productName: f.productName,
      sku: f.sku,
      unit: f.unit,
      lotNumber: f.lotKey || null,
      counted: counted?.toFixed(3) ?? null,
      expected: expected?.toFixed(3) ?? null,
      variance: variance?.toFixed(3) ?? null,
      unitCost: f.unitCost.toFixed(4),
      varianceCost: cost?.toFixed(2) ?? null,
      counters: f.counters,
      round: f.round,
      state,
      stateLabel: LINE_STATE_LABEL[state],
      overThreshold: overThreshold(f, t),
      error: f.applied?.error ?? (f.status === "FAILED" ? "No se pudo aplicar" : null),
    };
  });
  const s = v.search?.toLowerCase();
  const matching = lines.filter((l) => {
    if (s && !l.productName.toLowerCase().includes(s) && !l.sku.toLowerCase().includes(s) && !(l.lotNumber ?? "").toLowerCase().includes(s)) return false;
    switch (v.filter) {
      case "differences":
        return l.variance !== null && !dec(l.variance).isZero();
      case "over":
        return l.overThreshold || l.state === "NEEDS_RECOUNT";
      case "uncounted":
        return l.state === "UNDECIDED" || l.state === "ZERO" || l.state === "KEEP";
      case "recount":
        return l.state === "NEEDS_RECOUNT" || l.state === "WAITING_RECOUNT" || l.round > 0;
      case "ready":
        return l.state === "READY" || l.state === "ZERO" || l.state === "KEEP" || l.state === "FAILED";
      default:
        return true;
    }
  });
  return {
    count: {
      id: c.id,
      name: c.name,
      warehouseName: w!.name,
      status: c.status,
      statusLabel: STATUS_LABEL[c.status],
      thresholdPct: c.thresholdPct,
      thresholdMoney: c.thresholdMoney,
    },
    totals: {
      lines: lines.length,
      byState,
      shrinkageQty: shrinkQ.toFixed(3),
      shrinkageCost: shrinkC.toFixed(2),
      surplusQty: surQ.toFixed(3),
      surplusCost: surC.toFixed(2),
    },
    lines: matching.slice(v.offset, v.offset + v.limit),
    matched: matching.length,
  };
}
