"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Input, Select } from "@/components/ui/field";
import { formatQty } from "@/lib/format";
import { parseEsAr, toWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { dequeue, enqueue, flushQueue, queued, type QueuedEntry } from "@/lib/counts/queue";
import { EntryList } from "./entry-list";

type Found = RouterOutputs["counts"]["findProduct"][number];

const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600";

// The counting screen, for a phone held in one hand: the scan field is always ready (focus
// returns to it after every action), targets are big, the last entries stay visible with
// undo. Blind: nothing here ever receives the system's stock. Every entry goes through the
// IndexedDB queue first, so losing signal loses nothing.
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function CountingPage({ slug, countId }: { slug: string; countId: string }) {
  const utils = trpc.useUtils();
  const sheet = trpc.counts.sheet.useQuery({ countId }, { refetchInterval: 30_000 });
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Found[] | null>(null);
  const [product, setProduct] = useState<Found | null>(null);
  const [lot, setLot] = useState("");
  const [qty, setQty] = useState("");
  const [zoneId, setZoneId] = useState<string>("");
  const [message, setMessage] = useState<{ kind: "error" | "success" | "info"; text: string } | null>(null);
  const [pending, setPending] = useState<QueuedEntry[]>([]);
  const [online, setOnline] = useState(true);
  const scanRef = useRef<HTMLInputElement>(null);
  const qtyRef = useRef<HTMLInputElement>(null);

  const focusScan = useCallback(() => requestAnimationFrame(() => scanRef.current?.focus()), []);

  useEffect(() => {
    const mine = sheet.data?.zones.find((z) => z.mine);
    if (mine && !zoneId) setZoneId(mine.id);
  }, [sheet.data, zoneId]);

  const refreshQueue = useCallback(async () => setPending(await queued(slug, countId)), [slug, countId]);

  const send = useCallback(
    async (e: QueuedEntry) => {
      try {
        await utils.client.counts.record.mutate({
          id: e.id,
          countId: e.countId,
          productId: e.productId,
          lotNumber: e.lotNumber,
          zoneId: e.zoneId,
          quantity: e.quantity,
          ...(e.offline ? { countedAt: e.countedAt } : {}),
        });
        return { ok: true as const };
      } catch (err) {
        // An answer from the server is a refusal to show; no answer means no connection.
        const answered = Boolean((err as { data?: unknown })?.data);
        return { ok: false as const, refused: answered, message: errorMessage(err) };
      }
    },
    [utils],
  );

  const flush = useCallback(async () => {
    const r = await flushQueue(slug, countId, (e) => send({ ...e, offline: true }));
    setOnline(r.left === 0);
    await refreshQueue();
    if (r.sent) await utils.counts.sheet.invalidate({ countId });
  }, [slug, countId, send, refreshQueue, utils]);

  useEffect(() => {
    void refreshQueue().then(flush);
    const on = () => void flush();
    window.addEventListener("online", on);
    const timer = window.setInterval(on, 15_000);
    return () => {
      window.removeEventListener("online", on);
      window.clearInterval(timer);
    };
  }, [flush, refreshQueue]);

  async function lookUp(e: React.FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    setMessage(null);
    try {
      const rows = await utils.counts.findProduct.fetch({ countId, query: q });
      const exact = rows.filter((r) => r.exact);
      if (exact.length === 1 || rows.length === 1) choose(exact[0] ?? rows[0]!);
      else if (rows.length === 0) {
        setMessage({ kind: "error", text: `No encontramos «${q}» en este conteo.` });
        setQuery("");
        focusScan();
      } else setMatches(rows);
    } catch (err) {
      setMessage({ kind: "error", text: errorMessage(err) });
    }
  }

  function choose(p: Found) {
    setProduct(p);
    setMatches(null);
    setQuery("");
    setLot(p.lots.length === 1 ? p.lots[0]!.lotNumber : "");
    setQty("");
    requestAnimationFrame(() => qtyRef.current?.focus());
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!product) return;
    const read = parseEsAr(qty, { label: "Cantidad", maxScale: 3, maxIntegerDigits: 11 });
    if (!read.ok) {
      setMessage({ kind: "error", text: read.message });
      return;
    }
    if (product.tracksLots && !lot.trim()) {
      setMessage({ kind: "error", text: "Este producto se cuenta por lote: elegí o escribí el lote." });
      return;
    }
    const entry: QueuedEntry = {
      id: crypto.randomUUID(),
      countId,
      productId: product.id,
      productName: product.name,
      lotNumber: product.tracksLots ? lot.trim() : null,
      zoneId: zoneId || null,
      quantity: toWire(read.value),
      countedAt: new Date().toISOString(),
      offline: false,
      state: "pending",
    };
    await enqueue(slug, entry);
    setProduct(null);
    setQty("");
    focusScan();
    const r = await send(entry);
    if (r.ok) {
      await dequeue(slug, entry.id);
      setOnline(true);
      setMessage({ kind: "success", text: `Guardado: ${entry.productName} × ${formatQty(entry.quantity)}` });
      await utils.counts.sheet.invalidate({ countId });
    } else if (r.refused) {
      await enqueue(slug, { ...entry, state: "refused", error: r.message });
      setMessage({ kind: "error", text: r.message });
    } else {
      await enqueue(slug, { ...entry, offline: true });
      setOnline(false);
      setMessage({ kind: "info", text: `Sin conexión: «${entry.productName}» quedó en el teléfono y se envía solo.` });
    }
    await refreshQueue();
  }

  const data = sheet.data;
  if (sheet.error) return <Alert>{errorMessage(sheet.error)}</Alert>;
  if (!data) return <div role="status" className="h-40 animate-pulse rounded-lg bg-slate-200" aria-label="Cargando" />;
  const closed = data.status !== "OPEN" && data.status !== "COUNTING" && data.recounts.length === 0;

  return (
    <div className="mx-auto max-w-md space-y-4">
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-semibold text-slate-900">{data.name}</h1>
          <p className="text-sm text-slate-600">{data.warehouseName}</p>
        </div>
        <span
          role="status"
          data-testid="sync-state"
          className={`shrink-0 rounded-full px-3 py-1 text-xs font-medium ${online ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
        >
          {online ? "En línea" : "Sin conexión"}
          {pending.filter((p) => p.state === "pending").length ? ` · ${pending.filter((p) => p.state === "pending").length} por enviar` : ""}
        </span>
      </header>

      {closed ? (
        <Alert kind="info">
          Este conteo ya no recibe cargas. <Link className="underline" href={`/${slug}/conteos`}>Volver a los conteos</Link>
        </Alert>
      ) : null}
      {data.status === "REVIEW" && data.recounts.length ? (
        <Alert kind="warning">
          Reconteo pedido: {data.recounts.map((r) => r.productName + (r.lotNumber ? ` (lote ${r.lotNumber})` : "")).join(", ")}.
        </Alert>
      ) : null}

      {data.zones.length ? (
        <label className="block">
          <span className="text-sm font-medium text-slate-700">Zona</span>
          <Select value={zoneId} onChange={(e) => setZoneId(e.target.value)} className="h-12 text-base">
            <option value="">Sin zona</option>
            {data.zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
                {z.mine ? " (tuya)" : ""}
              </option>
            ))}
          </Select>
        </label>
      ) : null}

      <form onSubmit={lookUp} className="flex gap-2">
        <input
          ref={scanRef}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Escaneá o escribí el producto"
          aria-label="Código de barras o nombre"
          enterKeyHint="search"
          autoComplete="off"
          className={`${control} h-14 text-lg`}
          disabled={closed}
        />
        <Button type="submit" className="h-14 px-5 text-base" disabled={closed}>
          Buscar
        </Button>
      </form>

      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}

      {matches ? (
        <ul className="space-y-2" aria-label="Productos encontrados">
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => choose(m)} className="w-full rounded-lg border border-slate-300 bg-white p-4 text-left text-base hover:bg-slate-50">
                <span className="font-medium">{m.name}</span> <span className="text-sm text-slate-500">{m.sku}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {product ? (
        <form onSubmit={save} className="space-y-3 rounded-lg border-2 border-teal-600 bg-white p-4" aria-label="Cargar cantidad">
          <p className="text-lg font-semibold text-slate-900">{product.name}</p>
          <p className="text-sm text-slate-500">
            {product.sku} · {product.unit}
          </p>
          {product.tracksLots ? (
            <div className="space-y-2">
              <span className="text-sm font-medium text-slate-700">Lote</span>
              <div className="flex flex-wrap gap-2">
                {product.lots.map((l) => (
                  <button
                    key={l.lotNumber}
                    type="button"
                    onClick={() => setLot(l.lotNumber)}
                    aria-pressed={lot === l.lotNumber}
                    className={`min-h-12 rounded-md border px-3 text-base ${lot === l.lotNumber ? "border-teal-700 bg-teal-50" : "border-slate-300"}`}
                  >
                    {l.lotNumber}
                  </button>
                ))}
              </div>
              <Input value={lot} onChange={(e) => setLot(e.target.value)} aria-label="Número de lote" placeholder="Escaneá o escribí el lote" className="h-12" maxLength={60} />
            </div>
          ) : null}
          <NumberInput
            ref={qtyRef}
            kind="quantity"
            label="Cantidad"
            value={qty}
            onValueChange={setQty}
            aria-label="Cantidad contada"
            placeholder="Cantidad"
            className="h-14 text-2xl"
          />
          <div className="grid grid-cols-2 gap-2">
            <Button type="button" variant="secondary" className="h-14 text-base" onClick={() => (setProduct(null), focusScan())}>
              Cancelar
            </Button>
            <Button type="submit" className="h-14 text-base">
              Guardar
            </Button>
          </div>
        </form>
      ) : null}

      <EntryList slug={slug} countId={countId} entries={data.myEntries} queue={pending} onChanged={async () => (await refreshQueue(), focusScan())} />
    </div>
  );
}
