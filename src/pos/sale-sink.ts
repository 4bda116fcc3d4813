import type { TSaleInput } from "../lib/schemas/sale";
import type { PosDb } from "./db";
import { applySyncResults, enqueueSale, releaseHold, withdrawSale } from "./queue";
import type { SyncTransport } from "./sync-contracts";
import type { QueuedSale, SaleDisplay, SaleSyncResult } from "./types";

// The sale sink: the ONE way a sale leaves the cart. It is written to the durable queue
// first (on disk before anything else happens), then, when online, sent at once with
// online rules while the till waits briefly for the server's verdict (SPEC §5):
//  - accepted → the ticket gets the register's number;
//  - refused (stock, price, inactive product) → the sale leaves the queue uncharged and the
//    cashier fixes the ticket;
//  - no verdict in time, an error, or offline → confirmed under offline rules: the sync
//    engine sends it later (accepted and flagged by the server, never blocked).

export type SinkVerdict =
  | { kind: "accepted"; ticketNumber?: number; stockConflict: boolean }
  | { kind: "refused"; code: string; message: string }
  | { kind: "queued"; reason: "offline" | "timeout" | "error" };

export const VERDICT_MS = 2000;

export type SinkArgs = {
  db: PosDb;
  sale: TSaleInput;
  display: SaleDisplay;
  online: boolean;
  send: SyncTransport;
  verdictMs?: number;
  /** Number the ticket from this device's counter, in the same disk commit as the sale. */
  localNumber?: boolean;
};

/** Waits for the server's verdict on a stored sale (see the rules above). */
export async function sinkSale(args: SinkArgs): Promise<SinkVerdict> {
  return (await stageSale(args)).verdict;
}

/**
 * The sale's two moments, apart: `stageSale` resolves as soon as the sale is on disk (the
 * till shows the ticket then, "verificando" while online) and hands back the verdict still to
 * come, so the cashier never waits on the network to see what was charged. Printing and
 * a refusal (the ticket withdrawn, the cart back for fixing) follow the verdict.
 */
export async function stageSale(args: SinkArgs): Promise<{ item: QueuedSale; verdict: Promise<SinkVerdict> }> {
  const verdictMs = args.verdictMs ?? VERDICT_MS;
  // While the till waits, the engine leaves the sale alone (a bit longer than the wait).
  const holdUntil = args.online ? new Date(Date.now() + verdictMs + 1000).toISOString() : undefined;
  const item = await enqueueSale(args.db, args.sale, args.display, new Date(), { holdUntil, localNumber: args.localNumber });
  if (!args.online) return { item, verdict: Promise.resolve({ kind: "queued", reason: "offline" }) };
  return { item, verdict: awaitVerdict(args, item, verdictMs) };
}

async function awaitVerdict(args: SinkArgs, item: QueuedSale, verdictMs: number): Promise<SinkVerdict> {
  let timedOut = false;
  const answer = args
    .send([args.sale], { strict: true })
    .then((rs): SaleSyncResult | null => rs.find((r) => r.id === args.sale.id) ?? null)
    .catch(() => null);
  // A late acceptance still settles the queue item (a late refusal is ignored: by then the
  // sale was confirmed under offline rules and the engine resends it that way).
  void answer.then(async (r) => {
    if (timedOut && r && r.status !== "REFUSED" && r.status !== "ERROR") await applySyncResults(args.db, [item], [r]);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((res) => {
    timer = setTimeout(() => res("timeout"), verdictMs);
  });
  const r = await Promise.race([answer, timeout]);
  clearTimeout(timer);
  if (r === "timeout") {
    timedOut = true;
    await releaseHold(args.db, item);
    return { kind: "queued", reason: "timeout" };
  }
  if (!r || r.status === "ERROR") {
    await releaseHold(args.db, item);
    return { kind: "queued", reason: "error" };
  }
  if (r.status === "REFUSED") {
    const refusal = { code: r.code ?? "REFUSED", message: r.message ?? "El servidor rechazó la venta." };
    await withdrawSale(args.db, item, refusal);
    return { kind: "refused", ...refusal };
  }
  await applySyncResults(args.db, [item], [r]);
  return { kind: "accepted", ticketNumber: r.ticketNumber, stockConflict: Boolean(r.stockConflict) || r.status === "ACCEPTED_WITH_CONFLICT" };
}
