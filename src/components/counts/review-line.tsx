"use client";
import { Button } from "@/components/ui/button";
import { formatMoney, formatQty } from "@/lib/format";
import { dec } from "@/lib/decimal";
import type { RouterOutputs } from "@/lib/trpc/react";

type Line = RouterOutputs["counts"]["review"]["lines"][number];

const STATE_TONE: Record<Line["state"], string> = {
  APPLIED: "bg-emerald-100 text-emerald-800",
  SKIPPED: "bg-slate-100 text-slate-700",
  READY: "bg-sky-100 text-sky-800",
  NEEDS_RECOUNT: "bg-red-100 text-red-800",
  WAITING_RECOUNT: "bg-amber-100 text-amber-900",
  UNDECIDED: "bg-amber-100 text-amber-900",
  ZERO: "bg-slate-100 text-slate-700",
  KEEP: "bg-slate-100 text-slate-700",
  FAILED: "bg-red-100 text-red-800",
};

const signed = (v: string) => (dec(v).lte(0) ? formatQty(v) : `+${formatQty(v)}`);

/** One review line: product and lot, counted / expected / variance (units and money), who counted, what can be done. */
export function ReviewLine({
  line: l,
  reviewing,
  busy,
  onApply,
  onRecount,
  onResolve,
}: {
  line: Line;
  reviewing: boolean;
  busy: boolean;
  onApply: () => void;
  onRecount: () => void;
  onResolve: (d: "ZERO" | "KEEP") => void;
}) {
  const variance = l.variance;
  const tone = variance === null || dec(variance).isZero() ? "text-slate-700" : dec(variance).lt(0) ? "text-red-700" : "text-emerald-700";
  return (
    <li className="grid grid-cols-2 gap-x-4 gap-y-1 p-3 md:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_minmax(0,1.6fr)]" data-testid="review-line" data-product={l.productName}>
      <div className="col-span-2 min-w-0 md:col-span-1">
        <p className="truncate font-medium text-slate-900">{l.productName}</p>
        <p className="text-xs text-slate-500">
          {l.sku}
          {l.lotNumber ? ` · lote ${l.lotNumber}` : ""}
          {l.counters.length ? ` · contó ${l.counters.join(", ")}` : ""}
          {l.round > 0 ? ` · reconteo ${l.round}` : ""}
        </p>
      </div>
      <Figure label="Contado" value={l.counted === null ? "—" : formatQty(l.counted)} testId="counted" />
      <Figure label="Esperado" value={l.expected === null ? "—" : formatQty(l.expected)} testId="expected" />
      <Figure label="Diferencia" value={variance === null ? "—" : signed(variance)} tone={tone} testId="variance" />
      <Figure label="Al costo" value={l.varianceCost === null ? "—" : formatMoney(l.varianceCost)} tone={tone} />
      <div className="col-span-2 flex flex-wrap items-center gap-2 md:col-span-1 md:justify-end">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_TONE[l.state]}`} data-testid="state">
          {l.stateLabel}
        </span>
        {reviewing && (l.state === "READY" || l.state === "ZERO" || l.state === "KEEP" || l.state === "FAILED") ? (
          <Button variant="secondary" className="px-3 py-1" disabled={busy} onClick={onApply} aria-label={`Ajustar ${l.productName}`}>
            Ajustar
          </Button>
        ) : null}
        {reviewing && (l.state === "NEEDS_RECOUNT" || l.state === "READY") ? (
          <Button variant="secondary" className="px-3 py-1" disabled={busy} onClick={onRecount} aria-label={`Pedir reconteo de ${l.productName}`}>
            Reconteo
          </Button>
        ) : null}
        {reviewing && l.state === "UNDECIDED" ? (
          <>
            <Button variant="secondary" className="px-3 py-1" disabled={busy} onClick={() => onResolve("ZERO")}>
              Poner en cero
            </Button>
            <Button variant="secondary" className="px-3 py-1" disabled={busy} onClick={() => onResolve("KEEP")}>
              Dejar como está
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}

function Figure({ label, value, tone = "text-slate-900", testId }: { label: string; value: string; tone?: string; testId?: string }) {
  return (
    <div className="md:text-right">
      <span className="text-xs text-slate-500 md:sr-only">{label}: </span>
      <span className={`font-medium tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </span>
    </div>
  );
}
