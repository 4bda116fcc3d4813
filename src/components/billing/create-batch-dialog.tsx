"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input } from "@/components/ui/field";
import { NumberInput } from "@/components/ui/number-input";
import { readInteger } from "@/lib/number-field";
import { todayAr } from "./common";

const monthStart = () => `${todayAr().slice(0, 8)}01`;

/** Creates a batch (instant); the invoices are issued in the background and the batch page shows the progress. */
export function CreateBatchDialog({ slug, customerIds, onClose }: { slug: string; customerIds: string[]; onClose: () => void }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const [batchId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({ pointOfSale: "1", issueDate: todayAr(), periodFrom: monthStart(), periodTo: todayAr() });
  const [local, setLocal] = useState<string | null>(null);
  const m = trpc.billing.createBatch.useMutation({
    onSuccess: (r) => {
      void utils.billing.pending.invalidate();
      void utils.billing.batches.invalidate();
      router.push(`/${slug}/facturacion/lotes/${r.batchId}`);
    },
  });
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Facturar en lote"
      description={customerIds.length ? `Los cargos pendientes de ${customerIds.length === 1 ? "este cliente" : `${customerIds.length} clientes`} en el período.` : "Los cargos pendientes de todos los clientes en el período: una factura por cliente."}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const read = readInteger(form.pointOfSale, { label: "Punto de venta", min: 1, max: 99998 });
          if (!read.ok) return setLocal(read.message);
          const pos = read.value;
          setLocal(null);
          m.mutate({
            id: batchId,
            pointOfSale: pos,
            issueDate: form.issueDate,
            periodFrom: form.periodFrom || undefined,
            periodTo: form.periodTo || undefined,
            customerIds: customerIds.length ? customerIds : undefined,
          });
        }}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Punto de venta (ARCA)" error={errs.pointOfSale}>
            <NumberInput kind="integer" label="Punto de venta" value={form.pointOfSale} onValueChange={(pointOfSale) => setForm((f) => ({ ...f, pointOfSale }))} autoFocus />
          </Field>
          <Field label="Fecha de emisión" error={errs.issueDate}>
            <Input type="date" value={form.issueDate} onChange={set("issueDate")} />
          </Field>
          <Field label="Cargos desde" error={errs.periodFrom}>
            <Input type="date" value={form.periodFrom} onChange={set("periodFrom")} />
          </Field>
          <Field label="Cargos hasta" error={errs.periodTo}>
            <Input type="date" value={form.periodTo} onChange={set("periodTo")} />
          </Field>
        </div>
        {local ? <Alert>{local}</Alert> : null}
        {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending}>
            Crear lote
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
