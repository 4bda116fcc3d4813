import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import { z } from "zod";
import type { Tx } from "../db/client";
import { isAppError } from "../errors/app-error";
import { log } from "../log";
import { exec, TENANT, type Actor } from "../inventory/ledger";
import { ZERO } from "@/lib/decimal";
import { loadCount, requireStatus, ZCountId, type CountStatus } from "./common";
import { lineFigures, lineState, thresholdsOf, type LineFigures } from "./line-figures";
import { writeAdjustments, type AdjustmentRow } from "./write-adjustments";

export const ZApplyCountInput = z.object({
  countId: ZCountId,
  /** Apply these lines only; all ready lines when omitted. */
  lineIds: z.array(z.uuid()).min(1).max(20_000).optional(),
});
export type TApplyCountInput = z.input<typeof ZApplyCountInput>;

export const ZApplyCountResponse = z.object({
  applied: z.number().int(),
  movements: z.number().int(),
  skipped: z.number().int(),
  /** Lines not ready (recount pending, no decision): left for later, they block nothing. */
  pending: z.number().int(),
  failed: z.array(z.object({ lineId: z.uuid(), productName: z.string(), message: z.string() })),
  status: z.enum(["OPEN", "COUNTING", "REVIEW", "APPLIED", "CANCELLED"]),
});
export type TApplyCountResponse = z.infer<typeof ZApplyCountResponse>;

/**
 * Applies ready lines (or the given ones): today's stock moves by each line's variance
 * (counted − expected at its scan), in one set-based statement under the levels' locks.
 * Idempotent: applied lines are never applied again, a second call changes nothing. If
 * the batch fails, lines are retried one by one (each in its own savepoint) so one bad
 * line is marked FAILED with its reason and never blocks the others.
 */
// eslint-disable-next-line max-lines-per-function -- one transaction's steps in order (lock, recheck, adjust, close), each a commented statement
export async function applyCount(tx: Tx, raw: TApplyCountInput, actor: Actor): Promise<TApplyCountResponse> {
  const v = ZApplyCountInput.parse(raw);
  const c = await loadCount(tx, v.countId, "update");
  if (c.status === "APPLIED") return { applied: 0, movements: 0, skipped: 0, pending: 0, failed: [], status: c.status };
  requireStatus(c, ["REVIEW"], "aplicar el conteo");
  const ids = v.lineIds ? pgArray(v.lineIds, "uuid") : null;

  // Lock every level the lines may touch, in product order (as every stock writer does),
  // creating missing rows first; figures are read after, so nothing moves under them.
  await exec(tx, sql`
    insert into stock_levels (tenant_id, product_id, warehouse_id, quantity)
    select ${TENANT}, l.product_id, ${c.warehouseId}, 0 from count_lines l join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
    where l.tenant_id = ${TENANT} and l.count_id = ${c.id} and l.status not in ('APPLIED', 'SKIPPED') and not p.is_service
      ${ids ? sql`and l.id = any(${ids})` : sql``}
    on conflict do nothing`);
  await exec(tx, sql`
    select 1 from stock_levels s
    where s.tenant_id = ${TENANT} and s.warehouse_id = ${c.warehouseId} and s.product_id in (
      select l.product_id from count_lines l where l.tenant_id = ${TENANT} and l.count_id = ${c.id} and l.status not in ('APPLIED', 'SKIPPED')
      ${ids ? sql`and l.id = any(${ids})` : sql``})
    order by s.product_id for update of s`);

  const figures = await lineFigures(tx, c, v.lineIds);
  const t = thresholdsOf(c);
  const rows: (AdjustmentRow & { f: LineFigures })[] = [];
  const keep: string[] = [];
  const failed: TApplyCountResponse["failed"] = [];
  let pending = 0;
  for (const f of figures) {
    const state = lineState(f, t);
    if (state === "APPLIED" || state === "SKIPPED") continue;
    if (state === "KEEP") {
      keep.push(f.id);
      continue;
    }
    if (state !== "READY" && state !== "FAILED" && state !== "ZERO") {
      pending++;
      continue;
    }
    if (f.isService) {
      failed.push({ lineId: f.id, productName: f.productName, message: "El producto pasó a ser un servicio: no lleva stock." });
      continue;
    }
    const counted = state === "ZERO" ? ZERO : f.counted!;
    const expected = state === "ZERO" ? f.current : f.expected!;
    rows.push({
      f,
      lineId: f.id,
      productId: f.productId,
      lotKey: f.lotKey,
      tracked: f.tracked,
      counted: counted.toFixed(3),
      expected: expected.toFixed(3),
      variance: counted.minus(expected).toFixed(3),
      opId: randomUUID(),
      newLotId: randomUUID(),
      ord: rows.length,
    });
  }

  let applied = 0;
  let movements = 0;
  try {
    const r = await tx.transaction((sp) => writeAdjustments(sp as unknown as Tx, c, rows, actor));
    applied = r.lines;
    movements = r.movements;
  } catch (batchError) {
    if (isAppError(batchError)) throw batchError;
    log.warn({ err: batchError, countId: c.id, lines: rows.length }, "count apply: the batch failed, applying line by line");
    for (const row of rows) {
      try {
        const r = await tx.transaction((sp) => writeAdjustments(sp as unknown as Tx, c, [row], actor));
        applied += r.lines;
        movements += r.movements;
      } catch (e) {
        log.warn({ err: e, lineId: row.lineId }, "count line could not be applied");
        failed.push({ lineId: row.lineId, productName: row.f.productName, message: "No se pudo ajustar esta línea; revisá el producto y volvé a aplicar." });
      }
    }
  }
  if (failed.length) {
    await exec(tx, sql`
      update count_lines l set status = 'FAILED', error = v.message
      from jsonb_to_recordset(${JSON.stringify(failed.map((f) => ({ id: f.lineId, message: f.message })))}::jsonb) as v(id uuid, message text)
      where l.tenant_id = ${TENANT} and l.id = v.id and l.status <> 'APPLIED'`);
  }
  if (keep.length) {
    await exec(tx, sql`
      update count_lines set status = 'SKIPPED', applied_at = now(), applied_by = ${actor.userId}::uuid
      where tenant_id = ${TENANT} and id = any(${pgArray(keep, "uuid")}) and status <> 'APPLIED'`);
  }
  const [left] = await exec<{ n: number }>(tx, sql`
    select count(*)::int as n from count_lines where tenant_id = ${TENANT} and count_id = ${c.id} and status not in ('APPLIED', 'SKIPPED')`);
  let status: CountStatus = c.status;
  if (left!.n === 0) {
    await exec(tx, sql`update counts set status = 'APPLIED', finished_at = now() where tenant_id = ${TENANT} and id = ${c.id}`);
    status = "APPLIED";
  }
  return { applied, movements, skipped: keep.length, pending, failed, status };
}
