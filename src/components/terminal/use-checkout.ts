"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { cartProblem, cartTotal, emptyCart, newId, toDisplay, toSaleInput, type Cart, type Payment } from "@/pos/cart";
import { formatMoney } from "@/lib/format";
import type { PosContext } from "@/lib/schemas/pos-wire";
import type { TSaleCharge } from "@/lib/schemas/sale";
import type { TicketData } from "./ticket";
import type { Notice } from "./use-scanner";
import type { TerminalRuntime } from "./use-terminal-runtime";

type Register = PosContext["registers"][number];
const lastKey = (slug: string, registerId: string) => `mostrador.pos.last.${slug}.${registerId}`;

/**
 * F9 → payment → the sale sink → the ticket, shown at once. The last ticket is kept per
 * register (survives reloads) for "reimprimir último" and for voiding; its figures are the
 * ones charged, so a reprint never shows another total.
 */
// eslint-disable-next-line max-lines-per-function -- the checkout state machine (offline queue, online charge, hold, retry) in one hook so its transitions read together
export function useCheckout(opts: {
  slug: string;
  runtime: TerminalRuntime;
  register: Register | undefined;
  cartRef: { current: Cart };
  setCart: (fn: (c: Cart) => Cart) => void;
  waitScans: () => Promise<void>;
  notify: (n: Notice) => void;
}) {
  const { slug, runtime, register, cartRef, setCart, waitScans, notify } = opts;
  const [paying, setPaying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLastState] = useState<TicketData | null>(null);
  const [printRequest, setPrintRequest] = useState(0);
  // The last ticket as of now (a verdict arriving later must not overwrite a newer sale's).
  const lastRef = useRef<TicketData | null>(null);

  useEffect(() => {
    if (!register) return;
    try {
      lastRef.current = JSON.parse(localStorage.getItem(lastKey(slug, register.id)) ?? "null") as TicketData | null;
    } catch {
      lastRef.current = null;
    }
    // A ticket left "verifying" by a reload is simply pending until the server has it.
    if (lastRef.current?.fiscal === "VERIFYING") lastRef.current = { ...lastRef.current, fiscal: "PENDING_SYNC" };
    setLastState(lastRef.current);
  }, [slug, register]);

  // Once the server has answered for the last sale, its ticket shows the register's number.
  useEffect(() => {
    if (!last || last.ticketNumber) return;
    const synced = runtime.recent.find((s) => s.saleId === last.saleId);
    if (synced?.ticketNumber) setLast({ ...last, ticketNumber: synced.ticketNumber, fiscal: register?.fiscalEnabled ? "REQUESTED" : "NOT_REQUIRED" });
  }, [runtime.recent]); // eslint-disable-line react-hooks/exhaustive-deps

  const setLast = useCallback(
    (t: TicketData | null) => {
      lastRef.current = t;
      setLastState(t);
      if (!register) return;
      if (t) localStorage.setItem(lastKey(slug, register.id), JSON.stringify(t));
      else localStorage.removeItem(lastKey(slug, register.id));
    },
    [slug, register],
  );

  const start = useCallback(async () => {
    await waitScans(); // a scan still resolving belongs to this sale
    const problem = cartProblem(cartRef.current);
    if (problem) return notify({ kind: cartRef.current.lines.length ? "error" : "info", text: problem });
    setError(null);
    setPaying(true);
  }, [waitScans, cartRef, notify]);

  const pay = useCallback(
    async (payments: Payment[], charge?: TSaleCharge) => {
      if (!register?.cashSessionId || busy) return;
      setBusy(true);
      try {
        const cart = cartRef.current;
        const id = newId();
        const now = new Date();
        const base = toSaleInput(cart, { id, registerId: register.id, cashSessionId: register.cashSessionId }, payments, now);
        // Charged to an account or a room instead of paid (billing): no payments, invoiced later.
        const sale = charge ? { ...base, payments: [], charge } : base;
        // The ticket waits for the durable queue write (one strict IndexedDB commit, about as long
        // as the bench's bare put) and for nothing else: painting it first would let a crash
        // between the paint and the commit lose a sale the cashier saw confirmed and handed over.
        // The server's verdict, the counters and the lists all follow after the paint.
        const staged = await runtime.sell(sale, toDisplay(cart, payments, { registerName: register.name }));
        const display = staged.display;
        // On disk: the ticket shows now; while online it says it is being verified.
        const previous = lastRef.current;
        const ticket: TicketData = {
          saleId: id,
          createdAt: now.toISOString(),
          display,
          afipPointOfSale: register.afipPointOfSale,
          fiscal: staged.online ? "VERIFYING" : "PENDING_SYNC",
        };
        setLast(ticket);
        setCart(() => emptyCart());
        setPaying(false);
        setBusy(false);
        const change = display.change && display.change !== "0.00" ? ` Vuelto ${formatMoney(display.change)}.` : "";
        const queuedText = `Venta registrada (ticket local ${display.localNumber}): se enviará al servidor al volver la conexión.${change}`;
        notify({ kind: staged.online ? "info" : "success", text: staged.online ? `Cobrado: verificando con el servidor…${change}` : queuedText });
        // The verdict is handled apart: the caller (focus back to the scan field) goes on now.
        void staged.verdict.then((verdict) => {
          if (verdict.kind === "refused") {
            // Refused while the cashier waited: the ticket is withdrawn uncharged and the cart
            // comes back (unless a new sale was started meanwhile) to be fixed.
            if (lastRef.current?.saleId === id) setLast(previous);
            if (cartRef.current.lines.length > 0) {
              notify({ kind: "error", text: `La venta del ticket local ${display.localNumber} fue rechazada y no se cobró: ${verdict.message}` });
              return;
            }
            setCart(() => cart);
            setError(verdict.message);
            setPaying(true);
            return;
          }
          const settled: TicketData =
            verdict.kind === "accepted"
              ? { ...ticket, ticketNumber: verdict.ticketNumber, fiscal: register.fiscalEnabled ? "REQUESTED" : "NOT_REQUIRED" }
              : { ...ticket, fiscal: "PENDING_SYNC" };
          if (lastRef.current?.saleId === id) setLast(settled);
          if (staged.online) {
            notify({ kind: "success", text: verdict.kind === "accepted" ? `Venta registrada: ticket N° ${verdict.ticketNumber}.${change}` : queuedText });
          }
          if (register.autoPrint) setPrintRequest((n) => n + 1);
        });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [register, busy, cartRef, runtime, setLast, setCart, notify],
  );

  return {
    paying,
    setPaying,
    busy,
    error,
    start,
    pay,
    last,
    setLast,
    total: () => cartTotal(cartRef.current),
    /** Bumped to print the last ticket (auto-print after a sale, or the reprint key). */
    printRequest,
    reprint: () => (last ? setPrintRequest((n) => n + 1) : notify({ kind: "info", text: "Todavía no hay un ticket para reimprimir." })),
  };
}
