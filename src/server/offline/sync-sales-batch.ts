import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { isAppError, isUniqueViolation } from "../errors/app-error";
import { createSale, type CreateSaleActor, type CreateSaleResult } from "../pos/create-sale";
import { ZSaleInput, type TSaleInput } from "@/lib/schemas/sale";
import type { SaleSyncResult } from "@/pos/types";

// Applies a batch of offline sales. This is an orchestrator, not a domain service: each sale
// runs in ITS OWN tenant transaction (`runInTenant`, i.e. withTenant bound to the session's
// tenant), so one bad sale never rolls back the others and a lost response can be replayed:
// createSale is idempotent by the sale UUID (primary key + advisory lock) and answers DUPLICATE.
//
// Durability, fast: sales of one register serialize on its ticket counter until commit, so a
// WAL flush per sale would cap a 1,000-sale backlog at the disk's fsync rate. With
// `durableReceipt`, each sale commits with synchronous_commit off and the batch ends with ONE
// ordinary (durable) transaction — its commit flushes the WAL up to itself, which includes
// every sale committed before it. Only then does the client get its answers; if the server
// dies before that, the client never saw "accepted", keeps the sales and replays them.

export const MAX_SYNC_BATCH = 200;

/** The body is checked loosely (an array of objects); each sale is validated on its own. */
export const ZSyncSalesBody = z.object({
  sales: z.array(z.unknown()).min(1, "No hay ventas para sincronizar").max(MAX_SYNC_BATCH, `Como máximo ${MAX_SYNC_BATCH} ventas por envío`),
});

export type RunInTenant = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
export type SaleWriter = (tx: Tx, input: TSaleInput, actor: CreateSaleActor) => Promise<CreateSaleResult>;

const defaultWriter: SaleWriter = (tx, input, actor) => createSale(tx, input, actor, { mode: "offline" });

/** AppError codes that will not change by retrying: the sale is refused and shown to people. */
const REFUSE_CODES = new Set(["VALIDATION", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "INVALID_STATE", "INSUFFICIENT_STOCK"]);

export type SyncBatchOptions = {
  writer?: SaleWriter;
  /** Durable commit that closes the batch (see above). Without it every sale commits durably on its own. */
  durableReceipt?: (results: SaleSyncResult[]) => Promise<void>;
  /** Sales applied at once, each in its own transaction (default 1: strictly one after another). */
  concurrency?: number;
  /** After a sale's transaction COMMITTED (e.g. send its fiscal event). Failures are logged, not fatal. */
  afterCommit?: (r: CreateSaleResult) => unknown;
  log?: (msg: string, err: unknown) => void;
};

export async function syncSalesBatch(
  runInTenant: RunInTenant,
  rawSales: unknown[],
  actor: CreateSaleActor,
  opts: SyncBatchOptions = {},
): Promise<SaleSyncResult[]> {
  const baseWriter = opts.writer ?? defaultWriter;
  const relaxed = Boolean(opts.durableReceipt);
  const writer: SaleWriter = relaxed
    ? async (tx, input, actor) => {
        await tx.execute(sql`set local synchronous_commit = off`);
        return baseWriter(tx, input, actor);
      }
    : baseWriter;
  const log = opts.log ?? ((m, e) => console.error(m, e));
  const committed: CreateSaleResult[] = [];
  const results: SaleSyncResult[] = new Array(rawSales.length);
  // A few sales in flight at once (each still its own transaction): their reads and stock
  // exits overlap; same-register sales still serialize on the ticket counter, same-product
  // sales on the stock row, in the order they reach it. Results keep the batch's order.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < rawSales.length; i = next++) {
      const raw = rawSales[i];
      const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : "";
      const parsed = ZSaleInput.safeParse(raw);
      results[i] = parsed.success
        ? await applyOne(runInTenant, parsed.data, actor, writer, log, (r) => void committed.push(r))
        : { id, status: "REFUSED", code: "VALIDATION", message: parsed.error.issues.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ") };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 1, rawSales.length)) }, worker));
  return closeBatch(results, committed, opts, log);
}

/**
 * The end of every sync request, whichever way its sales were applied: make the batch's
 * receipt durable (throws if it cannot: the caller answers 5xx and the client retries), then
 * run the after-commit hooks of the sales that committed (a failure is logged, not fatal).
 */
export async function closeBatch(
  results: SaleSyncResult[],
  committed: CreateSaleResult[],
  opts: SyncBatchOptions,
  log: (msg: string, err: unknown) => void,
): Promise<SaleSyncResult[]> {
  if (opts.durableReceipt) await opts.durableReceipt(results);
  for (const r of committed) {
    try {
      await opts.afterCommit?.(r);
    } catch (e) {
      log(`offline sync: after-commit hook failed for sale ${r.saleId}`, e);
    }
  }
  return results;
}

async function applyOne(
  runInTenant: RunInTenant,
  sale: TSaleInput,
  actor: CreateSaleActor,
  writer: SaleWriter,
  log: (msg: string, err: unknown) => void,
  afterCommit?: (r: CreateSaleResult) => unknown,
): Promise<SaleSyncResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await runInTenant((tx) => writer(tx, sale, actor));
      if (afterCommit && r.status === "CREATED") afterCommit(r);
      return {
        id: sale.id,
        status: r.status === "DUPLICATE" ? "DUPLICATE" : r.stockConflict || r.catalogConflict ? "ACCEPTED_WITH_CONFLICT" : "ACCEPTED",
        ticketNumber: r.ticketNumber,
        stockConflict: r.stockConflict,
        ...(r.catalogConflict ? { catalogConflict: true } : {}),
      };
    } catch (e) {
      if (isAppError(e) && REFUSE_CODES.has(e.code)) return { id: sale.id, status: "REFUSED", code: e.code, message: e.message };
      // A concurrent submission of the same sale won a unique race (or a serialization
      // hiccup): run it again, it will find the committed sale and answer DUPLICATE.
      const pgCode = (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
      if (attempt < 2 && (isUniqueViolation(e) || pgCode === "40001" || pgCode === "40P01")) continue;
      log(`offline sync: sale ${sale.id} failed`, e);
      return { id: sale.id, status: "ERROR", code: "INTERNAL", message: "Error del servidor al registrar la venta; se reintentará." };
    }
  }
}
