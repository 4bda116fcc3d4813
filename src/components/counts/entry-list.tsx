"use client";
import { useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/field";
import { formatQty } from "@/lib/format";
import { formatWhen } from "@/lib/counts/when";
import { parseEsAr, toInputText, toWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { dequeue, type QueuedEntry } from "@/lib/counts/queue";

type Entry = RouterOutputs["counts"]["sheet"]["myEntries"][number];

/** The counter's last entries (and what is still on the phone), each correctable or undoable by its author. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function EntryList({
  slug,
  countId,
  entries,
  queue,
  onChanged,
}: {
  slug: string;
  countId: string;
  entries: Entry[];
  queue: QueuedEntry[];
  onChanged: () => unknown;
}) {
  const utils = trpc.useUtils();
  const correct = trpc.counts.correct.useMutation({ onSuccess: () => utils.counts.sheet.invalidate({ countId }) });
  const [editing, setEditing] = useState<string | null>(null);
  const [value, setValue] = useState("");
  const [undoing, setUndoing] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function saveCorrection(id: string) {
    const read = parseEsAr(value, { label: "Cantidad", maxScale: 3, maxIntegerDigits: 11 });
    if (!read.ok) return setError(read.message);
    try {
      await correct.mutateAsync({ entryId: id, quantity: toWire(read.value) });
      setEditing(null);
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section aria-label="Tus últimas cargas" className="space-y-2">
      <h2 className="text-base font-semibold text-slate-800">Tus últimas cargas</h2>
      {error ? <Alert>{error}</Alert> : null}
      {queue.length === 0 && entries.length === 0 ? <p className="text-sm text-slate-600">Todavía no cargaste nada. Escaneá el primer producto.</p> : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {queue.map((q) => (
          <li key={q.id} className="flex items-center justify-between gap-2 p-3" data-testid="queued-entry">
            <div className="min-w-0">
              <p className="truncate font-medium">{q.productName}</p>
              <p className={`text-xs ${q.state === "refused" ? "text-red-700" : "text-amber-800"}`}>
                {q.state === "refused" ? `Rechazada: ${q.error ?? ""}` : "En el teléfono, por enviar"}
                {q.lotNumber ? ` · lote ${q.lotNumber}` : ""}
              </p>
            </div>
            <span className="text-lg font-semibold tabular-nums">{formatQty(q.quantity)}</span>
            {q.state === "refused" ? (
              <Button variant="ghost" onClick={async () => (await dequeue(slug, q.id), onChanged())} aria-label={`Descartar ${q.productName}`}>
                Descartar
              </Button>
            ) : null}
          </li>
        ))}
        {entries.map((e) => (
          <li key={e.id} className="p-3" data-testid="entry">
            <div className="flex items-center justify-between gap-2">
              <div className="min-w-0">
                <p className="truncate font-medium">{e.productName}</p>
                <p className="text-xs text-slate-500">
                  {formatWhen(e.countedAt)}
                  {e.lotNumber ? ` · lote ${e.lotNumber}` : ""}
                  {e.zoneName ? ` · ${e.zoneName}` : ""}
                  {e.round > 0 ? " · reconteo" : ""}
                  {e.corrected ? " · corregida" : ""}
                </p>
              </div>
              <span className="text-lg font-semibold tabular-nums">{formatQty(e.quantity)}</span>
            </div>
            {editing === e.id ? (
              <div className="mt-2 flex gap-2">
                <NumberInput kind="quantity" label="Cantidad" value={value} onValueChange={setValue} aria-label={`Nueva cantidad de ${e.productName}`} className="h-12" autoFocus />
                <Button className="h-12" busy={correct.isPending} onClick={() => saveCorrection(e.id)}>
                  Guardar
                </Button>
                <Button className="h-12" variant="ghost" onClick={() => setEditing(null)}>
                  Cancelar
                </Button>
              </div>
            ) : (
              <div className="mt-2 flex gap-2">
                <Button variant="secondary" className="h-11 flex-1" onClick={() => (setEditing(e.id), setValue(toInputText(e.quantity, 3)))}>
                  Corregir
                </Button>
                <Button variant="secondary" className="h-11 flex-1" onClick={() => setUndoing(e)}>
                  Deshacer
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={undoing !== null}
        onOpenChange={(o) => (o ? null : setUndoing(null))}
        title="¿Deshacer esta carga?"
        description={undoing ? `${undoing.productName} × ${formatQty(undoing.quantity)} deja de sumar en el conteo.` : ""}
        confirmLabel="Deshacer"
        busy={correct.isPending}
        onConfirm={async () => {
          if (!undoing) return;
          try {
            await correct.mutateAsync({ entryId: undoing.id, undo: true });
          } catch (e) {
            setError(errorMessage(e));
          }
          setUndoing(null);
          onChanged();
        }}
      />
    </section>
  );
}
