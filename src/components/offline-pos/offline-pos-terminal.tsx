"use client";

import { useEffect, useRef, useState } from "react";
import { signOut } from "next-auth/react";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/schemas/sale";
import { addToCart, buildSale, cartTotal, lineTotal, type CartLine } from "@/pos/cart";
import { blockMessage } from "@/pos/guard";
import { newSaleId } from "@/components/pos/cart";
import type { StoredProduct } from "@/pos/types";
import { RefusedSalesPanel } from "./refused-sales-panel";
import { SyncStatusBar } from "./sync-status-bar";
import { useOfflinePos } from "./use-offline-pos";

type Notice = { kind: "ok" | "error"; text: string } | null;

/** The installable register: sells from the local catalog and queue, online or not. */
export function OfflinePosTerminal({ slug, closeSessionHref }: { slug: string; closeSessionHref: string }) {
  const pos = useOfflinePos(slug);
  const [lines, setLinesState] = useState<CartLine[]>([]);
  // The cart also lives in a ref so a charge that waited for pending scans reads the latest one.
  const cartRef = useRef<CartLine[]>([]);
  const setLines = (update: CartLine[] | ((ls: CartLine[]) => CartLine[])) => {
    cartRef.current = typeof update === "function" ? update(cartRef.current) : update;
    setLinesState(cartRef.current);
  };
  // Scans resolve one after another; a charge waits for the ones still resolving.
  const lookups = useRef<Promise<void>>(Promise.resolve());
  const [code, setCode] = useState("");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<StoredProduct[]>([]);
  const [method, setMethod] = useState<PaymentMethod>("CASH");
  const [tendered, setTendered] = useState("");
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const scanRef = useRef<HTMLInputElement>(null);

  const registers = pos.context?.registers ?? [];
  const register = registers.find((r) => r.id === pos.registerId) ?? (registers.length === 1 ? registers[0] : undefined);
  const sessionId = register?.cashSessionId ?? null;
  const total = cartTotal(lines);
  const blocked = blockMessage(pos.sync.queued, pos.sync.refused);

  useEffect(() => {
    let cancelled = false;
    if (query.trim().length < 2) return setResults([]);
    void pos.search(query).then((r) => !cancelled && setResults(r));
    return () => {
      cancelled = true;
    };
  }, [query, pos.search]); // eslint-disable-line react-hooks/exhaustive-deps

  function add(p: StoredProduct) {
    if (!p.active) return setNotice({ kind: "error", text: `«${p.name}» está dado de baja y no se puede vender.` });
    setLines((ls) => addToCart(ls, p));
    setNotice(null);
  }

  function onScan(e: React.FormEvent) {
    e.preventDefault();
    const c = code.trim();
    if (!c) return;
    // Clear at once: a scanner types the next code right away, and this scan's lookup must
    // never erase it (that would drop a scan).
    setCode("");
    lookups.current = lookups.current
      .then(async () => {
        const p = await pos.lookup(c);
        if (!p) return setNotice({ kind: "error", text: `No hay ningún producto con el código «${c}».` });
        add(p);
      })
      .catch(() => setNotice({ kind: "error", text: `No se pudo buscar el código «${c}». Probá de nuevo.` }));
  }

  async function charge() {
    if (!register || !sessionId) return setNotice({ kind: "error", text: "No hay una caja abierta en este equipo: abrila desde el punto de venta antes de vender." });
    await lookups.current; // a scan still resolving belongs to this sale
    const cart = cartRef.current;
    if (cart.length === 0) return;
    setBusy(true);
    try {
      const built = buildSale({ id: newSaleId(), registerId: register.id, cashSessionId: sessionId, lines: cart, method, tendered: tendered || undefined });
      await pos.ringSale(built.sale, built.display);
      setLines([]);
      setTendered("");
      setNotice({
        kind: "ok",
        text: `Venta registrada por ${formatMoney(built.display.total)}${built.change !== "0.00" ? ` · Vuelto ${formatMoney(built.change)}` : ""}${pos.sync.online ? "" : " · se enviará al volver la conexión"}`,
      });
    } catch (e) {
      setNotice({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      scanRef.current?.focus();
    }
  }

  async function guardedSignOut() {
    if (await pos.pending()) return setNotice({ kind: "error", text: blocked ?? "Hay ventas sin sincronizar." });
    await signOut({ callbackUrl: "/ingresar" });
  }

  return (
    <div className="flex min-h-screen flex-col bg-white text-slate-900">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2">
        <h1 className="text-lg font-semibold">{pos.context?.tenant.name ?? slug} · Caja</h1>
        {registers.length > 1 && (
          <select
            aria-label="Caja"
            className="rounded border border-slate-300 px-2 py-1 text-sm"
            value={register?.id ?? ""}
            onChange={(e) => void pos.setRegisterId(e.target.value)}
          >
            <option value="">Elegí la caja…</option>
            {registers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.cashSessionId ? "" : " (cerrada)"}
              </option>
            ))}
          </select>
        )}
        {register && <span className="text-sm text-slate-600">{register.name}{sessionId ? ` · abierta por ${register.openedByName ?? "—"}` : " · cerrada"}</span>}
        <span className="ml-auto text-sm text-slate-600">{pos.context?.user.name}</span>
        {blocked ? (
          <span className="cursor-not-allowed rounded border border-slate-200 px-2 py-1 text-sm text-slate-400" title={blocked} data-testid="pos-close-blocked">
            Cerrar caja
          </span>
        ) : (
          <a href={closeSessionHref} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100">
            Cerrar caja
          </a>
        )}
        <button type="button" onClick={() => void guardedSignOut()} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100" data-testid="pos-signout">
          Salir
        </button>
      </header>
      <SyncStatusBar sync={pos.sync} catalog={pos.catalog} onSyncNow={() => void pos.syncNow()} />
      {blocked && <p className="bg-amber-50 px-4 py-1 text-sm text-amber-900">{blocked}</p>}
      {pos.persisted === false && (
        <p className="bg-slate-50 px-4 py-1 text-xs text-slate-500">El navegador no garantizó almacenamiento persistente: instalá la app para mayor seguridad.</p>
      )}
      {pos.contextError && !pos.context && <p className="bg-red-50 px-4 py-1 text-sm text-red-800">{pos.contextError}</p>}

      <main className="grid flex-1 gap-4 p-4 md:grid-cols-[1fr_22rem]">
        <section className="space-y-3">
          <form onSubmit={onScan} className="flex gap-2">
            <label className="sr-only" htmlFor="pos-scan">Código de barras o SKU</label>
            <input
              id="pos-scan"
              ref={scanRef}
              data-testid="pos-scan"
              autoFocus
              autoComplete="off"
              inputMode="numeric"
              placeholder="Escaneá o escribí el código y Enter"
              className="flex-1 rounded border border-slate-300 px-3 py-2 text-lg"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              disabled={!pos.ready}
            />
          </form>
          <div>
            <input
              aria-label="Buscar por nombre"
              placeholder="Buscar por nombre…"
              className="w-full rounded border border-slate-300 px-3 py-1.5"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            {results.length > 0 && (
              <ul className="mt-1 max-h-60 overflow-auto rounded border border-slate-200">
                {results.map((p) => (
                  <li key={p.id}>
                    <button type="button" className="flex w-full justify-between px-3 py-1.5 text-left hover:bg-slate-100" onClick={() => { add(p); setQuery(""); }}>
                      <span>{p.name}</span>
                      <span className="tabular-nums">{formatMoney(p.salePrice)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {notice && (
            <p data-testid="pos-notice" data-kind={notice.kind} className={`rounded px-3 py-2 text-sm ${notice.kind === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
              {notice.text}
            </p>
          )}
          <table className="w-full text-sm" data-testid="pos-cart">
            <thead>
              <tr className="border-b text-left text-slate-500">
                <th className="py-1">Producto</th>
                <th className="py-1 text-right">Cant.</th>
                <th className="py-1 text-right">Precio</th>
                <th className="py-1 text-right">Importe</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lines.length === 0 && (
                <tr>
                  <td colSpan={5} className="py-6 text-center text-slate-400">Escaneá un producto para empezar la venta.</td>
                </tr>
              )}
              {lines.map((l, i) => (
                <tr key={`${l.productId}-${l.unitPrice}`} className="border-b">
                  <td className="py-1">{l.name}</td>
                  <td className="py-1 text-right tabular-nums">{formatQty(l.quantity)}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoney(l.unitPrice)}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoney(lineTotal(l))}</td>
                  <td className="py-1 text-right">
                    <button type="button" aria-label={`Quitar ${l.name}`} className="px-2 text-slate-400 hover:text-red-700" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <RefusedSalesPanel refused={pos.refused} currentSessionId={sessionId} onResolve={pos.resolve} />
          {pos.failing.length > 0 && (
            <section className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="pos-failing">
              <h2 className="mb-1 font-semibold text-amber-900">Ventas en cola con error de envío ({pos.failing.length})</h2>
              <p className="mb-2 text-amber-900">Siguen guardadas y se reintentan solas.</p>
              <ul className="space-y-1">
                {pos.failing.slice(0, 20).map((q) => (
                  <li key={q.sale.id} className="flex flex-wrap justify-between gap-2">
                    <span>
                      {formatDateTime(q.sale.createdAt)} · {formatMoney(q.display.total)} · intentos: {q.attempts}
                    </span>
                    <span className="text-amber-800">{q.lastError}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>

        <aside className="space-y-3 rounded-lg border border-slate-200 p-4">
          <div className="flex items-baseline justify-between">
            <span className="text-slate-600">Total</span>
            <span className="text-3xl font-semibold tabular-nums" data-testid="pos-total">{formatMoney(total)}</span>
          </div>
          <fieldset className="grid grid-cols-2 gap-1">
            <legend className="mb-1 text-sm text-slate-600">Medio de pago</legend>
            {PAYMENT_METHODS.map((m) => (
              <label key={m} className={`cursor-pointer rounded border px-2 py-1 text-center text-sm ${method === m ? "border-teal-700 bg-teal-50" : "border-slate-300"}`}>
                <input type="radio" name="method" className="sr-only" checked={method === m} onChange={() => setMethod(m)} />
                {PAYMENT_METHOD_LABELS[m]}
              </label>
            ))}
          </fieldset>
          {method === "CASH" && (
            <label className="block text-sm">
              Paga con (opcional)
              <input
                inputMode="decimal"
                className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
                placeholder={total.toFixed(2)}
                value={tendered}
                onChange={(e) => setTendered(e.target.value.replace(",", "."))}
              />
            </label>
          )}
          <button
            type="button"
            data-testid="pos-charge"
            onClick={() => void charge()}
            disabled={busy || lines.length === 0 || !sessionId}
            className="w-full rounded bg-teal-700 py-3 text-lg font-semibold text-white hover:bg-teal-800 disabled:opacity-50"
          >
            Cobrar
          </button>
          {!sessionId && pos.context && <p className="text-sm text-amber-800">No hay una caja abierta: abrila desde el punto de venta para poder vender.</p>}
          <div>
            <h2 className="mb-1 text-sm font-semibold text-slate-600">Últimas ventas enviadas</h2>
            <ul className="max-h-64 space-y-0.5 overflow-auto text-xs" data-testid="pos-recent">
              {pos.recent.length === 0 && <li className="text-slate-400">Todavía ninguna.</li>}
              {pos.recent.map((s) => (
                <li key={s.saleId} className="flex justify-between gap-2">
                  <span>
                    {s.ticketNumber ? `Ticket ${s.ticketNumber}` : s.saleId.slice(0, 8)} · {formatDateTime(s.createdAt)}
                  </span>
                  <span className="tabular-nums">
                    {formatMoney(s.total)}
                    {s.stockConflict && <span className="ml-1 text-amber-700" title="Vendida sin stock suficiente: la revisa un supervisor">⚠ stock</span>}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </aside>
      </main>
    </div>
  );
}
