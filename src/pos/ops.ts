import { ZPosOp, type TOpResult, type TPosOp } from "../lib/schemas/pos-wire";
import type { PosDb } from "./db";
import { QueueValidationError } from "./queue";
import type { QueuedOp, RefusedOp } from "./types";

// Operations queued beside sales (shift opening, cash in/out, customers typed offline).
// Same rules as the sale queue: confirmed once on disk, FIFO, an item leaves only when the
// server answered for it. The sync engine sends them BEFORE sales, so a sale never reaches
// the server ahead of its shift or its customer.

export async function enqueueOp(db: PosDb, op: TPosOp, now = new Date()): Promise<QueuedOp> {
  const parsed = ZPosOp.safeParse(op);
  if (!parsed.success) throw new QueueValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  const tx = db.transaction(["ops", "customers"], "readwrite", { durability: "strict" });
  const existing = await tx.objectStore("ops").index("opId").get(parsed.data.id);
  if (existing) {
    await tx.done;
    return existing;
  }
  const item: QueuedOp = { op: parsed.data, queuedAt: now.toISOString(), attempts: 0 };
  item.seq = await tx.objectStore("ops").add(item);
  const c = parsed.data;
  if (c.kind === "CREATE_CUSTOMER") {
    await tx.objectStore("customers").put({
      id: c.id,
      docType: c.docType,
      docNumber: c.docNumber,
      name: c.name,
      ivaCondition: c.ivaCondition,
      address: c.address ?? null,
      pending: true,
      search: customerSearchKey(c.name, c.docNumber),
    });
  }
  await tx.done;
  return item;
}

export const peekOps = (db: PosDb, limit = 50): Promise<QueuedOp[]> => db.getAll("ops", undefined, limit);
export const opsSize = (db: PosDb): Promise<number> => db.count("ops");
export const listRefusedOps = (db: PosDb): Promise<RefusedOp[]> => db.getAll("refusedOps");

export function customerSearchKey(name: string, doc: string): string {
  return `${name} ${doc}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * Settles answered operations in one transaction. A customer the business already had
 * (same document, other id) is re-pointed: queued sales use the server's id from now on.
 */
export async function applyOpResults(db: PosDb, sent: QueuedOp[], results: TOpResult[], now = new Date()): Promise<{ settled: number; failed: number }> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const tx = db.transaction(["ops", "refusedOps", "queue", "customers"], "readwrite", { durability: "strict" });
  let settled = 0;
  let failed = 0;
  for (const item of sent) {
    const r = byId.get(item.op.id);
    const current = item.seq === undefined ? undefined : await tx.objectStore("ops").get(item.seq);
    if (!current || current.seq === undefined) continue;
    if (!r || r.status === "ERROR") {
      failed++;
      await tx.objectStore("ops").put({ ...current, attempts: current.attempts + 1, lastError: r?.message ?? "El servidor no respondió" });
      continue;
    }
    settled++;
    if (r.status === "REFUSED") {
      await tx.objectStore("refusedOps").put({ id: item.op.id, op: item.op, refusedAt: now.toISOString(), code: r.code ?? "REFUSED", reason: r.message ?? "Rechazada por el servidor" });
    }
    if (item.op.kind === "CREATE_CUSTOMER") {
      const local = await tx.objectStore("customers").get(item.op.id);
      if (r.mappedId && r.mappedId !== item.op.id) {
        await tx.objectStore("customers").delete(item.op.id);
        if (local) await tx.objectStore("customers").put({ ...local, id: r.mappedId, pending: false });
        let cursor = await tx.objectStore("queue").openCursor();
        while (cursor) {
          if (cursor.value.sale.customerId === item.op.id) await cursor.update({ ...cursor.value, sale: { ...cursor.value.sale, customerId: r.mappedId } });
          cursor = await cursor.continue();
        }
      } else if (local) {
        await tx.objectStore("customers").put({ ...local, pending: false });
      }
    }
    await tx.objectStore("ops").delete(current.seq);
  }
  await tx.done;
  return { settled, failed };
}
