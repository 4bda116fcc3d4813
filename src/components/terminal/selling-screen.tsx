"use client";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { blockMessage } from "@/pos/guard";
import type { PosContext } from "@/lib/schemas/pos-wire";
import { CartTable } from "./cart-table";
import { ScanBar } from "./scan-bar";
import { TotalsPanel } from "./totals-panel";
import { LastTicketPanel } from "./last-ticket-panel";
import { QueuePanels } from "./queue-panels";
import { TerminalDialogs, type DialogName } from "./terminal-dialogs";
import { useCart } from "./use-cart";
import { useCheckout } from "./use-checkout";
import { useHotkeys } from "./use-hotkeys";
import { RegisterFiscalNotice } from "@/components/fiscal/register-fiscal-notice";
import { useScanner, type Notice } from "./use-scanner";
import type { TerminalRuntime } from "./use-terminal-runtime";

type Register = PosContext["registers"][number];

/** The selling screen of an open shift: scan, cart, totals, the last ticket, the keys. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function SellingScreen({ slug, rt, register }: { slug: string; rt: TerminalRuntime; register: Register }) {
  const cart = useCart(slug, register.id);
  const [notice, setNotice] = useState<Notice>(null);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [discountText, setDiscountText] = useState("");
  const scanRef = useRef<HTMLInputElement>(null);
  const qtyRefs = useRef<(HTMLInputElement | null)[]>([]);
  const discRefs = useRef<(HTMLInputElement | null)[]>([]);
  const ticketDiscRef = useRef<HTMLInputElement>(null);
  const scanner = useScanner({ lookup: rt.lookup, lookupNow: rt.lookupNow, search: rt.search, add: cart.add, notify: setNotice });
  const checkout = useCheckout({ slug, runtime: rt, register, cartRef: cart.cartRef, setCart: cart.setCart, waitScans: scanner.idle, notify: setNotice });
  const online = rt.sync.online;

  // An emptied cart starts the next ticket without a typed ticket discount.
  useEffect(() => {
    if (cart.cart.lines.length === 0) setDiscountText("");
    else if (discountText === "" && cart.cart.discount !== "0") setDiscountText(cart.cart.discount.replace(".", ","));
  }, [cart.cart]); // eslint-disable-line react-hooks/exhaustive-deps

  // Back to the scan field after the current event; but if the cashier has meanwhile moved
  // into another field (F2/F4/F6 right after Enter), leave the focus where they put it.
  const focusScan = useCallback(() => {
    const from = document.activeElement;
    setTimeout(() => {
      const now = document.activeElement;
      const movedToField = now !== from && now !== scanRef.current && (now instanceof HTMLInputElement || now instanceof HTMLTextAreaElement || now instanceof HTMLSelectElement);
      if (!movedToField) scanRef.current?.focus();
    }, 0);
  }, []);

  const focusField = (el: HTMLInputElement | null | undefined) => {
    el?.focus();
    el?.select();
  };

  // F2/F4 right after a scan act on the line that scan adds: wait for it if it is still resolving.
  const focusLine = (refs: typeof qtyRefs) => {
    const go = () => cart.selectedRef.current >= 0 && focusField(refs.current[cart.selectedRef.current]);
    if (scanner.pending() === 0) return go();
    void scanner.idle().then(() => setTimeout(go, 0));
  };

  const openDialog = (name: DialogName) => {
    if (name === "void") {
      if (!online) return setNotice({ kind: "warning", text: "Anular una venta necesita conexión y un supervisor presente. Volvé a intentarlo cuando haya conexión." });
      if (!checkout.last) return setNotice({ kind: "info", text: "No hay una venta para anular en esta caja." });
      if (!checkout.last.ticketNumber) return setNotice({ kind: "warning", text: "La última venta todavía no llegó al servidor: esperá a que se sincronice para anularla." });
    }
    if (name === "close") {
      const blocked = blockMessage(rt.sync.queued, rt.sync.refused);
      if (blocked) return setNotice({ kind: "warning", text: blocked });
      if (!online) return setNotice({ kind: "warning", text: "Cerrar la caja necesita conexión: el servidor calcula el arqueo." });
    }
    setDialog(name);
  };

  useHotkeys(
    {
      F9: () => void checkout.start(),
      F2: () => focusLine(qtyRefs),
      F4: () => focusLine(discRefs),
      F6: () => focusField(ticketDiscRef.current),
      F3: () => openDialog("customer"),
      F7: () => openDialog("movement"),
      F8: () => openDialog("void"),
      F10: () => openDialog("close"),
      "Alt+i": () => checkout.reprint(),
    },
    !dialog && !checkout.paying,
  );

  function onScanOtherKey(e: KeyboardEvent<HTMLInputElement>) {
    const n = cart.cart.lines.length;
    if (e.key === "Escape") {
      scanner.setText("");
      setNotice(null);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      cart.setSelected((s) => (e.key === "ArrowDown" ? Math.min(s + 1, n - 1) : Math.max(s - 1, 0)));
    } else if (e.key === "Delete" && scanner.text === "" && cart.selected >= 0) {
      e.preventDefault();
      cart.remove(cart.selected);
    }
  }

  const lineKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === "Escape") {
      e.preventDefault();
      focusScan();
    }
  };

  return (
    <div className="space-y-3">
      <RegisterFiscalNotice registerId={register.id} fiscalEnabled={register.fiscalEnabled} />
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900">Punto de venta · {register.name}</h1>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" className="min-h-11" onClick={() => openDialog("movement")}>
            Movimiento de caja (F7)
          </Button>
          <Button variant="secondary" className="min-h-11" onClick={() => openDialog("void")} disabled={!checkout.last}>
            Anular última venta (F8)
          </Button>
          <Button variant="danger" className="min-h-11" onClick={() => openDialog("close")}>
            Cerrar caja (F10)
          </Button>
        </div>
      </div>
      <div className="grid min-w-0 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section className="no-print min-w-0 space-y-3">
          <ScanBar scanner={scanner} inputRef={scanRef} onOtherKey={onScanOtherKey} />
          {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
          <CartTable
            cart={cart.cart}
            selected={cart.selected}
            onSelect={cart.setSelected}
            onUpdate={cart.update}
            onRemove={cart.remove}
            qtyRefs={qtyRefs}
            discRefs={discRefs}
            onDone={focusScan}
          />
          <QueuePanels rt={rt} sessionId={register.cashSessionId} />
        </section>
        <aside className="min-w-0 space-y-3">
          <div className="no-print">
            <TotalsPanel
              cart={cart.cart}
              discountText={discountText}
              onDiscountText={(text, value) => {
                setDiscountText(text);
                if (value !== null) cart.setCart((c) => ({ ...c, discount: value }));
              }}
              discountRef={ticketDiscRef}
              onDiscountKey={lineKey}
              onCustomer={() => openDialog("customer")}
              onClearCustomer={() => cart.setCart((c) => ({ ...c, customer: null }))}
              onCharge={() => void checkout.start()}
            />
          </div>
          <LastTicketPanel slug={slug} rt={rt} checkout={checkout} online={online} />
        </aside>
      </div>
      <TerminalDialogs
        dialog={dialog}
        setDialog={(d) => {
          setDialog(d);
          if (!d) focusScan();
        }}
        rt={rt}
        register={register}
        checkout={checkout}
        total={checkout.paying ? checkout.total() : null}
        onPay={(p, charge) => void checkout.pay(p, charge).then(focusScan)}
        onClosePayment={() => {
          checkout.setPaying(false);
          focusScan();
        }}
        onCustomer={(c) => cart.setCart((x) => ({ ...x, customer: c }))}
        onVoided={() => {
          setNotice({ kind: "info", text: `Ticket N° ${checkout.last?.ticketNumber} anulado.` });
          checkout.setLast(null);
        }}
        returnFocus={() => scanRef.current?.focus()}
        onSessionClosed={() => {
          checkout.setLast(null);
          void rt.reloadContext();
        }}
      />
    </div>
  );
}
