import { randomUUID } from "node:crypto";
import type { TSaleInput } from "../../lib/schemas/sale";
import type { LockManagerLike } from "../sync-contracts";
import type { SaleDisplay, SaleSyncResult } from "../types";

/** An idempotent in-memory "server": commits each sale id once, answers DUPLICATE after. */
export class FakeServer {
  readonly committed = new Map<string, { ticketNumber: number; sale: TSaleInput }>();
  readonly calls: string[][] = [];
  refuse = new Map<string, { code: string; message: string }>();
  errorFor = new Set<string>();
  conflictFor = new Set<string>();
  /** Commit the batch, then lose the response (throw) this many times. */
  loseResponses = 0;
  /** Fail before committing anything this many times. */
  failBefore = 0;
  latencyMs = 0;
  private ticket = 0;

  handle = async (sales: TSaleInput[]): Promise<SaleSyncResult[]> => {
    this.calls.push(sales.map((s) => s.id));
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (this.failBefore > 0) {
      this.failBefore--;
      throw new TypeError("Failed to fetch");
    }
    const results = sales.map((s): SaleSyncResult => {
      if (this.errorFor.has(s.id)) return { id: s.id, status: "ERROR", code: "INTERNAL", message: "boom" };
      const refused = this.refuse.get(s.id);
      if (refused) return { id: s.id, status: "REFUSED", ...refused };
      const prev = this.committed.get(s.id);
      if (prev) return { id: s.id, status: "DUPLICATE", ticketNumber: prev.ticketNumber };
      const ticketNumber = ++this.ticket;
      this.committed.set(s.id, { ticketNumber, sale: s });
      const conflict = this.conflictFor.has(s.id);
      return { id: s.id, status: conflict ? "ACCEPTED_WITH_CONFLICT" : "ACCEPTED", ticketNumber, stockConflict: conflict };
    });
    if (this.loseResponses > 0) {
      this.loseResponses--;
      throw new TypeError("Failed to fetch");
    }
    return results;
  };
}

/** Web Locks with `ifAvailable`, shared between "tabs" that share one instance. */
export class FakeLocks implements LockManagerLike {
  private held = new Set<string>();
  async request<T>(name: string, options: { ifAvailable?: boolean; steal?: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T> {
    if (this.held.has(name) && !options.steal) {
      if (options.ifAvailable) return cb(null);
      while (this.held.has(name)) await new Promise((r) => setTimeout(r, 1));
    }
    this.held.add(name);
    try {
      return await cb({ name });
    } finally {
      this.held.delete(name);
    }
  }
}

export function makeSale(overrides: Partial<TSaleInput> = {}): { sale: TSaleInput; display: SaleDisplay } {
  const productId = randomUUID();
  const sale: TSaleInput = {
    id: randomUUID(),
    registerId: "00000000-0000-4000-8000-000000000001",
    cashSessionId: "00000000-0000-4000-8000-000000000002",
    createdAt: new Date().toISOString(),
    lines: [{ productId, quantity: "1", unitPrice: "100.0000" }],
    payments: [{ method: "CASH", amount: "100.00" }],
    ...overrides,
  };
  return { sale, display: { total: "100.00", lines: [{ productId, name: "Producto", quantity: "1", unitPrice: "100.0000" }] } };
}
