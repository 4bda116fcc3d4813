"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import Link from "next/link";
import { todayAr } from "./common";

const monthStart = () => `${todayAr().slice(0, 8)}01`;

/**
 * Creates a batch (instant); the invoices are issued in the background and the batch page shows
 * the progress. Either some customers' pending charges in a period, or a hand-picked list of charges.
 */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function CreateBatchDialog({ slug, customerIds, chargeIds = [], onClose }: { slug: string; customerIds: string[]; chargeIds?: string[]; onClose: () => void }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const [batchId] = useState(() => crypto.randomUUID());
  const points = trpc.billing.pointsOfSale.useQuery();
  const picked = chargeIds.length > 0;
  const [form, setForm] = useState({ pointOfSale: "", issueDate: todayAr(), periodFrom: picked ? "" : monthStart(), periodTo: picked ? "" : todayAr() });
  // One configured point of sale: chosen already (most hotels have just one).
  const pointOfSale = form.pointOfSale || (points.data?.length === 1 ? String(points.data[0]!.number) : "");
  const [local, setLocal] = useState<string | null>(null);
  const m = trpc.billing.createBatch.useMutation({
    onSuccess: (r) => {
      void utils.billing.pending.invalidate();
      void utils.billing.batches.invalidate();
      router.push(`/${slug}/facturacion/lotes/${r.batchId}`);
    },
  });
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Facturar en lote"
      description={
        picked
          ? `${chargeIds.length === 1 ? "El cargo elegido" : `Los ${chargeIds.length} cargos elegidos`}: una factura por cliente.`
          : customerIds.length
            ? `Los cargos pendientes de ${customerIds.length === 1 ? "este cliente" : `${customerIds.length} clientes`} en el período.`
            : "Los cargos pendientes de todos los clientes en el período: una factura por cliente."
      }
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!pointOfSale) return setLocal("Elegí el punto de venta con el que se emiten las facturas.");
          setLocal(null);
          m.mutate({
            id: batchId,
            pointOfSale: Number(pointOfSale),
            issueDate: form.issueDate,
            periodFrom: form.periodFrom || undefined,
            periodTo: form.periodTo || undefined,
            customerIds: customerIds.length ? customerIds : undefined,
            chargeIds: picked ? chargeIds : undefined,
          });
        }}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Punto de venta (ARCA)" error={errs.pointOfSale}>
            <Select value={pointOfSale} onChange={set("pointOfSale")} autoFocus disabled={!points.data?.length}>
              <option value="">{points.isLoading ? "Cargando…" : points.data?.length ? "Elegí…" : "No hay puntos de venta"}</option>
              {(points.data ?? []).map((p) => (
                <option key={p.number} value={p.number}>
                  {String(p.number).padStart(4, "0")} · {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Fecha de emisión" error={errs.issueDate}>
            <Input type="date" value={form.issueDate} onChange={set("issueDate")} />
          </Field>
          {picked ? null : (
            <>
              <Field label="Cargos desde" error={errs.periodFrom}>
                <Input type="date" value={form.periodFrom} onChange={set("periodFrom")} />
              </Field>
              <Field label="Cargos hasta" error={errs.periodTo}>
                <Input type="date" value={form.periodTo} onChange={set("periodTo")} />
              </Field>
            </>
          )}
        </div>
        {points.data && points.data.length === 0 ? (
          <Alert kind="warning">
            No hay un punto de venta de ARCA con CAE en línea.{" "}
            <Link href={`/${slug}/fiscal/configuracion`} className="underline">
              Configuralo en Facturación ARCA
            </Link>{" "}
            (lo hace el dueño o un administrador).
          </Alert>
        ) : null}
        {points.error ? <Alert>{errorMessage(points.error)}</Alert> : null}
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
