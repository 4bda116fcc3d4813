"use client";

import { useCallback, useEffect, useState } from "react";
import { cartProblem, cartTotal, emptyCart, newId, toDisplay, toSaleInput, type Cart, type Payment } from "@/pos/cart";
import { formatMoney } from "@/lib/format";
import type { PosContext } from "@/lib/schemas/pos-wire";
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

  useEffect(() => {
    if (!register) return;
    try {
      setLastState(JSON.parse(localStorage.getItem(lastKey(slug, register.id)) ?? "null") as TicketData | null);
    } catch {
      setLastState(null);
    }
  }, [slug, register]);

  // Once the server has answered for the last sale, its ticket shows the register's number.
  useEffect(() => {
    if (!last || last.ticketNumber) return;
    const synced = runtime.recent.find((s) => s.saleId === last.saleId);
    if (synced?.ticketNumber) setLast({ ...last, ticketNumber: synced.ticketNumber, fiscal: register?.fiscalEnabled ? "REQUESTED" : "NOT_REQUIRED" });
  }, [runtime.recent]); // eslint-disable-line react-hooks/exhaustive-deps

  const setLast = useCallback(
    (t: TicketData | null) => {
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
    async (payments: Payment[]) => {
      if (!register?.cashSessionId || busy) return;
      setBusy(true);
      try {
        const cart = cartRef.current;
        const id = newId();
        const now = new Date();
        const sale = toSaleInput(cart, { id, registerId: register.id, cashSessionId: register.cashSessionId }, payments, now);
        const display = toDisplay(cart, payments, { localNumber: await runtime.nextLocalNumber(), registerName: register.name });
        const verdict = await runtime.sell(sale, display);
        if (verdict.kind === "refused") {
          setError(verdict.message);
          return;
        }
        const ticket: TicketData = {
          saleId: id,
          createdAt: now.toISOString(),
          display,
          ticketNumber: verdict.kind === "accepted" ? verdict.ticketNumber : undefined,
          afipPointOfSale: register.afipPointOfSale,
          fiscal: verdict.kind === "accepted" ? (register.fiscalEnabled ? "REQUESTED" : "NOT_REQUIRED") : "PENDING_SYNC",
        };
        setLast(ticket);
        setCart(() => emptyCart());
        setPaying(false);
        const change = display.change && display.change !== "0.00" ? ` Vuelto ${formatMoney(display.change)}.` : "";
        notify({
          kind: "success",
          text:
            verdict.kind === "accepted"
              ? `Venta registrada: ticket N° ${ticket.ticketNumber}.${change}`
              : `Venta registrada (ticket local ${display.localNumber}): se enviará al servidor al volver la conexión.${change}`,
        });
        if (register.autoPrint) setPrintRequest((n) => n + 1);
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
