"use client";
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { formatMoney } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import type { TSaleInput } from "@/lib/schemas/sale";
import { addProduct, cartSubtotal, cartTotal, emptyCart, newSaleId, parseAmount, parseScan, removeLine, toSaleInput, type Cart } from "./cart";
import { PaymentDialog } from "./payment-dialog";
import { CloseSessionDialog } from "./close-session-dialog";
import { CashMovementDialog } from "./cash-movement-dialog";
import { VoidDialog } from "./void-dialog";
import { CustomerDialog, type PosCustomer } from "./customer-dialog";
import { CartTable, safe } from "./cart-table";

type Product = { id: string; name: string; sale_price: string; sku: string };
type LastSale = { saleId: string; ticketNumber: number; total: string; change: string };

const HELP: [string, string][] = [
  ["Enter", "agregar código / buscar"],
  ["3*código", "cantidad"],
  ["↑ ↓", "elegir línea"],
  ["F2", "cantidad"],
  ["F4", "descuento línea"],
  ["F6", "descuento ticket"],
  ["Supr", "quitar línea"],
  ["F3", "cliente (factura A)"],
  ["F9", "cobrar"],
  ["F7", "movimiento de caja"],
  ["F8", "anular última venta"],
  ["F10", "cerrar caja"],
];

/** The keyboard-first selling screen. */
export function PosTerminal({
  slug,
  registerId,
  registerName,
  cashSessionId,
  chooser,
  onSessionClosed,
}: {
  slug: string;
  registerId: string;
  registerName: string;
  cashSessionId: string;
  chooser: ReactNode;
  onSessionClosed: () => void;
}) {
  const utils = trpc.useUtils();
  const [cart, setCart] = useState<Cart>(emptyCart);
  const [selected, setSelected] = useState(-1);
  const [scan, setScan] = useState("");
  const [results, setResults] = useState<Product[] | null>(null);
  const [resultIndex, setResultIndex] = useState(0);
  const [pendingQty, setPendingQty] = useState("1");
  const [message, setMessage] = useState<{ kind: "error" | "success" | "info"; text: string } | null>(null);
  const [paying, setPaying] = useState(false);
  const [closing, setClosing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [voiding, setVoiding] = useState(false);
  // Kept per session in sessionStorage so "void last sale" survives a visit to the ticket view.
  const lastKey = `mostrador.pos.last.${cashSessionId}`;
  const [lastSale, setLastSaleState] = useState<LastSale | null>(() => {
    if (typeof window === "undefined") return null;
    try {
      return JSON.parse(sessionStorage.getItem(lastKey) ?? "null") as LastSale | null;
    } catch {
      return null;
    }
  });
  const setLastSale = (s: LastSale | null) => {
    setLastSaleState(s);
    if (s) sessionStorage.setItem(lastKey, JSON.stringify(s));
    else sessionStorage.removeItem(lastKey);
  };
  const [busyScan, setBusyScan] = useState(false);
  const [customer, setCustomer] = useState<PosCustomer | null>(null);
  const [choosingCustomer, setChoosingCustomer] = useState(false);
  // One id per checkout attempt: retrying after a lost response replays the same sale.
  const saleId = useRef<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const qtyRefs = useRef<(HTMLInputElement | null)[]>([]);
  const discRefs = useRef<(HTMLInputElement | null)[]>([]);
  const ticketDiscRef = useRef<HTMLInputElement>(null);
  const [ticketDiscText, setTicketDiscText] = useState("");
  // An emptied cart (sale done, or every line removed) starts the next ticket without discount.
  useEffect(() => {
    if (cart.lines.length === 0 && cart.discount !== "0") {
      setCart((c) => ({ ...c, discount: "0" }));
      setTicketDiscText("");
    }
  }, [cart]);

  const total = useMemo(() => cartTotal(cart), [cart]);
  const subtotal = useMemo(() => cartSubtotal(cart), [cart]);
  const anyDialog = paying || closing || moving || voiding || choosingCustomer;
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

  const createSale = trpc.pos.createSale.useMutation({
    onSuccess: (r) => {
      setLastSale({ saleId: r.saleId, ticketNumber: r.ticketNumber, total: r.total, change: r.change });
      setCart(emptyCart());
      setTicketDiscText("");
      setCustomer(null);
      setSelected(-1);
      setPaying(false);
      saleId.current = null;
      setMessage(
        r.status === "DUPLICATE"
          ? { kind: "info", text: `Esta venta ya había quedado registrada (ticket N° ${r.ticketNumber}, total ${formatMoney(r.total)}). Revisá el ticket.` }
          : { kind: "success", text: `Venta registrada: ticket N° ${r.ticketNumber}. Vuelto ${formatMoney(r.change)}.` },
      );
      void utils.pos.sales.invalidate();
      focusScan();
    },
    onError: (e) => {
      // The server answered with an error: the transaction rolled back and nothing was saved,
      // so the next attempt is a new sale. Without an answer (network) the outcome is unknown
      // and the same id is kept, so a retry can never record the sale twice.
      if ((e as { data?: unknown }).data) saleId.current = null;
    },
  });

  // The line of the product just added becomes the selected one (F2/F4 act on it). A layout
  // effect, so the selection is in place before the next key press is handled.
  const lastAdded = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!lastAdded.current) return;
    setSelected(cart.lines.findIndex((l) => l.productId === lastAdded.current));
    lastAdded.current = null;
  }, [cart]);

  function add(p: Product, quantity: string, typed?: string) {
    lastAdded.current = p.id;
    setCart((c) => addProduct(c, p, quantity));
    setMessage(null);
    setResults(null);
    // Clear a typed name once it resolved, unless the cashier has typed something else
    // meanwhile. Barcodes left the input when submitted; never touch what came after them.
    if (typed !== undefined) setScan((current) => (current.trim() === typed ? "" : current));
  }

  // Scans are processed one after another: a scanner's next code never waits for, nor is
  // dropped by, the previous lookup. A barcode leaves the input at once (the scanner types the
  // next one right away); a typed name stays until it resolves, so it can be corrected.
  const scanQueue = useRef<Promise<void>>(Promise.resolve());
  function submitScan() {
    const text = scan.trim();
    if (!text) return;
    const { quantity, code } = parseScan(text);
    const isCode = /^[0-9]+$/.test(code);
    if (isCode) setScan("");
    scanQueue.current = scanQueue.current.then(() => lookup(text, quantity, code, isCode ? undefined : text));
  }
  async function lookup(text: string, quantity: string, code: string, typed: string | undefined) {
    setBusyScan(true);
    try {
      const byCode = await utils.pos.productByCode.fetch({ code });
      if (byCode) return add(byCode, quantity, typed);
      const found = await utils.pos.searchProducts.fetch({ q: code });
      if (found.length === 1) return add(found[0]!, quantity, typed);
      if (found.length === 0) {
        setMessage({ kind: "error", text: `No encontramos ningún producto con «${code}».` });
        return;
      }
      setPendingQty(quantity);
      setResults(found);
      setResultIndex(0);
    } catch (e) {
      setMessage({ kind: "error", text: `«${text}»: ${errorMessage(e)}` });
    } finally {
      setBusyScan(false);
    }
  }

  function startPayment() {
    if (cart.lines.length === 0) {
      setMessage({ kind: "info", text: "Agregá al menos un producto antes de cobrar." });
      return;
    }
    const bad = cart.lines.find((l) => !/^\d+(\.\d{1,3})?$/.test(l.quantity) || Number(l.quantity) <= 0);
    if (bad) {
      setMessage({ kind: "error", text: `La cantidad de «${bad.name}» no es válida.` });
      return;
    }
    if (total.lt(0)) {
      setMessage({ kind: "error", text: "Los descuentos superan el total." });
      return;
    }
    saleId.current ??= newSaleId();
    createSale.reset();
    setPaying(true);
  }

  function pay(payments: TSaleInput["payments"]) {
    saleId.current ??= newSaleId();
    createSale.mutate(toSaleInput(cart, { id: saleId.current!, registerId, cashSessionId, customerId: customer?.id }, payments));
  }

  // Global keys (when no dialog is open).
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (anyDialog) return;
      const k = e.key;
      if (k === "F9") {
        e.preventDefault();
        startPayment();
      } else if (k === "F2" && selected >= 0) {
        e.preventDefault();
        qtyRefs.current[selected]?.focus();
        qtyRefs.current[selected]?.select();
      } else if (k === "F4" && selected >= 0) {
        e.preventDefault();
        discRefs.current[selected]?.focus();
        discRefs.current[selected]?.select();
      } else if (k === "F6") {
        e.preventDefault();
        ticketDiscRef.current?.focus();
        ticketDiscRef.current?.select();
      } else if (k === "F3") {
        e.preventDefault();
        setChoosingCustomer(true);
      } else if (k === "F7") {
        e.preventDefault();
        setMoving(true);
      } else if (k === "F8" && lastSale) {
        e.preventDefault();
        setVoiding(true);
      } else if (k === "F10") {
        e.preventDefault();
        setClosing(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  function onScanKey(e: React.KeyboardEvent<HTMLInputElement>) {
    if (results) {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        setResultIndex((i) => Math.min(i + 1, results.length - 1));
        return;
      }
      if (e.key === "ArrowUp") {
        e.preventDefault();
        setResultIndex((i) => Math.max(i - 1, 0));
        return;
      }
      if (e.key === "Enter") {
        e.preventDefault();
        add(results[resultIndex]!, pendingQty, scan.trim());
        return;
      }
      if (e.key === "Escape") {
        setResults(null);
        return;
      }
    }
    if (e.key === "Enter") {
      e.preventDefault();
      submitScan();
    } else if (e.key === "Escape") {
      setScan("");
      setMessage(null);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      setSelected((s) => Math.min(s + 1, cart.lines.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setSelected((s) => Math.max(s - 1, 0));
    } else if (e.key === "Delete" && scan === "" && selected >= 0) {
      e.preventDefault();
      setCart((c) => removeLine(c, selected));
      setSelected((s) => Math.min(s, cart.lines.length - 2));
    }
  }

  const lineInputKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === "Escape") {
      e.preventDefault();
      focusScan();
    }
  };

  return (
    <div className="space-y-3">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900">Punto de venta · {registerName}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {chooser}
          <Button variant="secondary" onClick={() => setMoving(true)}>
            Movimiento de caja (F7)
          </Button>
          <Button variant="secondary" onClick={() => setVoiding(true)} disabled={!lastSale}>
            Anular última venta (F8)
          </Button>
          <Button variant="danger" onClick={() => setClosing(true)}>
            Cerrar caja (F10)
          </Button>
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <section className="space-y-3">
          <div className="relative">
            <label htmlFor="pos-scan" className="sr-only">
              Código de barras o nombre
            </label>
            <input
              id="pos-scan"
              ref={scanRef}
              autoFocus
              autoComplete="off"
              value={scan}
              onChange={(e) => {
                setScan(e.target.value);
                if (results) setResults(null);
              }}
              onKeyDown={onScanKey}
              placeholder="Escaneá o escribí el código de barras o el nombre y presioná Enter"
              className="block w-full rounded-lg border-2 border-teal-600 px-4 py-3 text-lg focus:outline-none"
              aria-busy={busyScan || undefined}
            />
            {results ? (
              <ul role="listbox" aria-label="Resultados" className="absolute z-10 mt-1 w-full overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
                {results.map((p, i) => (
                  <li
                    key={p.id}
                    role="option"
                    aria-selected={i === resultIndex}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      add(p, pendingQty, scan.trim());
                    }}
                    className={`flex cursor-pointer justify-between px-4 py-2 ${i === resultIndex ? "bg-teal-50" : ""}`}
                  >
                    <span>{p.name}</span>
                    <span className="text-slate-600">{formatMoney(p.sale_price)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
          {lastSale ? (
            <p className="text-sm text-slate-700">
              Última venta: ticket N° {lastSale.ticketNumber} por {formatMoney(lastSale.total)} ·{" "}
              <Link className="font-medium text-teal-800 underline" href={`/${slug}/pos/ticket/${lastSale.saleId}`}>
                Ver e imprimir ticket
              </Link>
            </p>
          ) : null}

          <CartTable
            cart={cart}
            selected={selected}
            onSelect={setSelected}
            onChange={setCart}
            qtyRefs={qtyRefs}
            discRefs={discRefs}
            onDone={focusScan}
          />
        </section>

        <aside className="space-y-3">
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex items-center justify-between gap-2 text-sm">
              {customer ? (
                <>
                  <span data-testid="pos-customer">
                    Cliente: <strong>{customer.name}</strong> ({customer.doc})
                  </span>
                  <button type="button" className="text-red-700 underline" onClick={() => setCustomer(null)}>
                    Quitar
                  </button>
                </>
              ) : (
                <button type="button" className="text-teal-800 underline" onClick={() => setChoosingCustomer(true)}>
                  Agregar cliente (F3)
                </button>
              )}
            </div>
            <div className="flex justify-between text-sm text-slate-600">
              <span>Subtotal</span>
              <span>{formatMoney(safe(() => subtotal))}</span>
            </div>
            <label className="flex items-center justify-between gap-2 text-sm text-slate-600">
              <span>Descuento ticket (F6)</span>
              <input
                ref={ticketDiscRef}
                aria-label="Descuento del ticket"
                inputMode="decimal"
                className="w-28 rounded border border-slate-300 px-2 py-1 text-right"
                placeholder="0,00"
                value={ticketDiscText}
                aria-invalid={ticketDiscText.trim() !== "" && parseAmount(ticketDiscText) === null ? true : undefined}
                onKeyDown={lineInputKey}
                onChange={(e) => {
                  setTicketDiscText(e.target.value);
                  const v = e.target.value.trim() === "" ? "0" : parseAmount(e.target.value);
                  if (v !== null) setCart((c) => ({ ...c, discount: v }));
                }}
              />
            </label>
            <div className="flex items-end justify-between border-t border-slate-200 pt-2">
              <span className="text-lg font-semibold">Total</span>
              <span className="text-3xl font-bold text-slate-900" data-testid="pos-total">
                {formatMoney(safe(() => total))}
              </span>
            </div>
            <Button className="w-full py-3 text-base" onClick={startPayment} disabled={cart.lines.length === 0}>
              Cobrar (F9)
            </Button>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-xs text-slate-600">
            {HELP.map(([k, v]) => (
              <div key={k} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1">{k}</kbd>
                </dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>

      <PaymentDialog
        open={paying}
        onOpenChange={(o) => {
          setPaying(o);
          if (!o) focusScan();
        }}
        total={safe(() => total)}
        busy={createSale.isPending}
        error={createSale.error ? errorMessage(createSale.error) : null}
        onConfirm={pay}
      />
      <CashMovementDialog
        open={moving}
        onOpenChange={(o) => {
          setMoving(o);
          if (!o) focusScan();
        }}
        cashSessionId={cashSessionId}
      />
      <VoidDialog
        open={voiding}
        onOpenChange={(o) => {
          setVoiding(o);
          if (!o) focusScan();
        }}
        sale={lastSale ? { id: lastSale.saleId, ticketNumber: lastSale.ticketNumber, total: lastSale.total } : null}
        onVoided={() => {
          setMessage({ kind: "info", text: `Ticket N° ${lastSale?.ticketNumber} anulado.` });
          setLastSale(null);
        }}
      />
      <CustomerDialog
        open={choosingCustomer}
        onOpenChange={(o) => {
          setChoosingCustomer(o);
          if (!o) focusScan();
        }}
        onPick={setCustomer}
      />
      <CloseSessionDialog open={closing} onOpenChange={setClosing} cashSessionId={cashSessionId} onClosed={onSessionClosed} />
    </div>
  );
}
