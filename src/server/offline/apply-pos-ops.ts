import "server-only";
import { isAppError } from "../errors/app-error";
import type { Tx } from "../db/client";
import { ZPosOp, type TOpResult, type TPosOp } from "@/lib/schemas/pos-wire";
import { openCashSessionOffline, type OfflineOpOutcome } from "../cash/open-cash-session-offline";
import { addCashMovementOffline } from "../cash/add-cash-movement-offline";
import { createCustomerOffline } from "../pos/create-customer-offline";

export type RunInTenant = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * Applies the terminal's queued operations (shift opening, cash in/out, customers) in order,
 * each in its own tenant transaction so one refusal never undoes the others. Each service is
 * idempotent by the operation's UUID, so a replay after a lost response answers DUPLICATE.
 */
export async function applyPosOps(
  runInTenant: RunInTenant,
  rawOps: unknown[],
  actor: { userId: string; canReview: boolean },
  log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e),
): Promise<TOpResult[]> {
  const out: TOpResult[] = [];
  for (const raw of rawOps) {
    const parsed = ZPosOp.safeParse(raw);
    const id = typeof (raw as { id?: unknown })?.id === "string" ? String((raw as { id: string }).id).slice(0, 64) : "";
    if (!parsed.success) {
      out.push({ id, status: "REFUSED", code: "VALIDATION", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ").slice(0, 500) });
      continue;
    }
    try {
      const r = await runInTenant((tx) => applyOne(tx, parsed.data, actor));
      out.push({ id: parsed.data.id, status: r.status, mappedId: r.mappedId });
    } catch (e) {
      if (isAppError(e)) out.push({ id: parsed.data.id, status: "REFUSED", code: e.code, message: e.message });
      else {
        log(`offline ops: ${parsed.data.kind} ${parsed.data.id} failed`, e);
        out.push({ id: parsed.data.id, status: "ERROR", code: "INTERNAL", message: "Error del servidor; se reintentará." });
      }
    }
  }
  return out;
}

function applyOne(tx: Tx, op: TPosOp, actor: { userId: string; canReview: boolean }): Promise<OfflineOpOutcome> {
  switch (op.kind) {
    case "OPEN_SESSION":
      return openCashSessionOffline(tx, op, actor);
    case "CASH_MOVEMENT":
      return addCashMovementOffline(tx, op, actor);
    case "CREATE_CUSTOMER":
      return createCustomerOffline(tx, op);
  }
}
