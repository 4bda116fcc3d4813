import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { isAppError, isUniqueViolation } from "../errors/app-error";
import { createSale, type CreateSaleActor, type CreateSaleResult } from "../pos/create-sale";
import { prefetchSales, type GroupStock } from "../pos/prefetch-sales";
import { readStock } from "../pos/sale-reads";
import { lockExitChain } from "../inventory/lock-exit-chain";
import { ZSaleInput, type TSaleInput } from "@/lib/schemas/sale";
import type { SaleSyncResult } from "@/lib/schemas/pos-wire";
import { closeBatch, type RunInTenant, type SaleWriter, type SyncBatchOptions } from "./sync-sales-batch";

// A queued backlog applied several sales per transaction: one tenant transaction per group
// of sales, each sale inside its own SAVEPOINT. A refused sale rolls back only its savepoint;
// the group's commit makes its accepted sales durable together, and only then are their
// answers (and fiscal events) released. Exactly once holds as with one transaction per
// sale: createSale is idempotent by the sale's UUID, and a group that fails to commit
// answers ERROR for all its sales, which the terminal keeps queued and resends.
// Why: one transaction per sale spent most of a 1,000-sale sync on BEGIN/SET/COMMIT round
// trips while the register's ticket counter serializes the sales anyway.
//
// Fewer round trips still (the cost is the number of statements per sale, not the data):
// a group first runs "fast": what every sale reads is read once for the group (locks,
// duplicates, sessions, products, catalog flags: prefetch-sales.ts), the stock levels of all
// its products are locked up front in id order (as one big sale would), and the sales run
// back to back with no savepoints: four statements per sale instead of eleven. If any sale
// of the group throws (a refusal, a UUID twice), the whole group rolls back and is applied
// again the careful way, one savepoint per sale, so a refused sale still sinks alone.

export const DEFAULT_GROUP_SIZE = 50;

/** AppError codes that will not change by retrying: the sale is refused and shown to people. */
const REFUSE_CODES = new Set(["VALIDATION", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "INVALID_STATE", "INSUFFICIENT_STOCK"]);
const pgCode = (e: unknown) => (e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
const retryable = (e: unknown) => isUniqueViolation(e) || pgCode(e) === "40001" || pgCode(e) === "40P01";

type Outcome = { result: SaleSyncResult; committed?: CreateSaleResult };

export async function syncSalesGrouped(
  runInTenant: RunInTenant,
  rawSales: unknown[],
  actor: CreateSaleActor,
  opts: SyncBatchOptions & { groupSize?: number } = {},
): Promise<SaleSyncResult[]> {
  const writer: SaleWriter = opts.writer ?? ((tx, input, a) => createSale(tx, input, a, { mode: "offline" }));
  const log = opts.log ?? ((m, e) => console.error(m, e));
  const groupSize = Math.max(1, opts.groupSize ?? DEFAULT_GROUP_SIZE);
  const results: SaleSyncResult[] = new Array(rawSales.length);
  const valid: { i: number; sale: TSaleInput }[] = [];
  rawSales.forEach((raw, i) => {
    const parsed = ZSaleInput.safeParse(raw);
    if (parsed.success) valid.push({ i, sale: parsed.data });
    else {
      const id = typeof (raw as { id?: unknown })?.id === "string" ? String((raw as { id: string }).id).slice(0, 64) : "";
      results[i] = { id, status: "REFUSED", code: "VALIDATION", message: parsed.error.issues.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ").slice(0, 500) };
    }
  });

  const committed: CreateSaleResult[] = [];
  for (let g = 0; g < valid.length; g += groupSize) {
    const group = valid.slice(g, g + groupSize);
    const fast = opts.writer ? null : await applyFast(runInTenant, group.map((g) => g.sale), actor, Boolean(opts.durableReceipt));
    if (fast) {
      fast.forEach((o, k) => {
        results[group[k]!.i] = o.result;
        if (o.committed) committed.push(o.committed);
      });
      continue;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const outcomes = await runInTenant(async (tx) => {
          if (opts.durableReceipt) await tx.execute(sql`set local synchronous_commit = off`);
          const out: Outcome[] = [];
          for (const { sale } of group) out.push(await applyInSavepoint(tx, sale, actor, writer, log));
          return out;
        });
        outcomes.forEach((o, k) => {
          results[group[k]!.i] = o.result;
          if (o.committed) committed.push(o.committed);
        });
        break;
      } catch (e) {
        if (attempt < 2 && retryable(e)) continue;
        log("offline sync: a group of sales failed to commit", e);
        for (const { i, sale } of group) results[i] = { id: sale.id, status: "ERROR", code: "INTERNAL", message: "Error del servidor al registrar la venta; se reintentará." };
        break;
      }
    }
  }
  return closeBatch(results, committed, opts, log);
}

/** The group in one go (see above); null when any sale threw: nothing of the group was kept. */
async function applyFast(runInTenant: RunInTenant, sales: TSaleInput[], actor: CreateSaleActor, relaxed: boolean): Promise<Outcome[] | null> {
  try {
    return await runInTenant(async (tx) => {
      if (relaxed) await tx.execute(sql`set local synchronous_commit = off`);
      const pre = await prefetchSales(tx, sales);
      const stocked = new Map<string, string[]>();
      for (const s of sales) {
        const p = pre.get(s.id)!;
        if (p.existing || !p.session) continue;
        const list = stocked.get(p.session.warehouse_id) ?? [];
        for (const l of s.lines) if (p.products.get(l.productId)?.is_service === false) list.push(l.productId);
        stocked.set(p.session.warehouse_id, list);
      }
      // Locked, then read once for the whole group (a later statement: it sees what committed
      // while the locks waited); each sale plans from these rows and keeps them current.
      const stock: GroupStock = { byWarehouse: new Map(), valid: true };
      for (const [warehouseId, ids] of stocked) {
        await lockExitChain(tx, ids, warehouseId);
        stock.byWarehouse.set(warehouseId, await readStock(tx, ids, warehouseId));
      }
      const out: Outcome[] = [];
      for (const sale of sales) out.push(toOutcome(sale, await createSale(tx, sale, actor, { mode: "offline", prefetched: { ...pre.get(sale.id)!, stock } })));
      return out;
    });
  } catch {
    return null;
  }
}

const toOutcome = (sale: TSaleInput, r: CreateSaleResult): Outcome => ({
  result: {
    id: sale.id,
    status: r.status === "DUPLICATE" ? "DUPLICATE" : r.stockConflict || r.catalogConflict ? "ACCEPTED_WITH_CONFLICT" : "ACCEPTED",
    ticketNumber: r.ticketNumber,
    stockConflict: r.stockConflict,
    ...(r.catalogConflict ? { catalogConflict: true } : {}),
  },
  committed: r.status === "CREATED" ? r : undefined,
});

async function applyInSavepoint(tx: Tx, sale: TSaleInput, actor: CreateSaleActor, writer: SaleWriter, log: (m: string, e: unknown) => void): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return toOutcome(sale, await tx.transaction((sp) => writer(sp as unknown as Tx, sale, actor)));
    } catch (e) {
      if (isAppError(e) && REFUSE_CODES.has(e.code)) return { result: { id: sale.id, status: "REFUSED", code: e.code, message: e.message } };
      if (attempt < 2 && retryable(e)) continue;
      log(`offline sync: sale ${sale.id} failed`, e);
      return { result: { id: sale.id, status: "ERROR", code: "INTERNAL", message: "Error del servidor al registrar la venta; se reintentará." } };
    }
  }
}
