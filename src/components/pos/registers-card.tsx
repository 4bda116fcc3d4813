"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Card } from "@/components/ui/page";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TableFrame } from "@/components/ui/table-frame";

type Editing = { id?: string; name: string; warehouseId: string; afipPointOfSale: string; fiscalEnabled: boolean; active: boolean };

/** OWNER/ADMIN: registers, the warehouse each sells from, AFIP point of sale, fiscal documents on/off. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function RegistersCard() {
  const list = trpc.pos.allRegisters.useQuery();
  const warehouses = trpc.pos.warehouses.useQuery();
  const [editing, setEditing] = useState<Editing | null>(null);
  const utils = trpc.useUtils();
  const save = trpc.pos.saveRegister.useMutation({
    onSuccess: () => {
      void utils.pos.allRegisters.invalidate();
      void utils.pos.registers.invalidate();
      setEditing(null);
    },
  });
  const errs = fieldErrors(save.error);
  return (
    <Card title="Cajas registradoras">
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      <TableFrame><table className="w-full text-sm" aria-label="Cajas registradoras">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-2 pr-3">Caja</th>
            <th className="pr-3">Depósito</th>
            <th className="pr-3">Punto de venta ARCA</th>
            <th className="pr-3">Factura electrónica</th>
            <th className="pr-3">Estado</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="py-2 pr-3">{r.name}</td>
              <td className="pr-3">{r.warehouseName}</td>
              <td className="pr-3">{String(r.afipPointOfSale).padStart(4, "0")}</td>
              <td className="pr-3">{r.fiscalEnabled ? "Sí" : "No (ticket no fiscal)"}</td>
              <td className="pr-3">{r.active ? "Activa" : "Desactivada"}</td>
              <td>
                <button
                  className="text-teal-800 underline"
                  onClick={() =>
                    setEditing({
                      id: r.id,
                      name: r.name,
                      warehouseId: r.warehouseId,
                      afipPointOfSale: String(r.afipPointOfSale),
                      fiscalEnabled: r.fiscalEnabled,
                      active: r.active,
                    })
                  }
                >
                  Editar
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table></TableFrame>
      <div className="mt-3">
        <Button
          variant="secondary"
          onClick={() =>
            setEditing({ name: "", warehouseId: warehouses.data?.[0]?.id ?? "", afipPointOfSale: "1", fiscalEnabled: false, active: true })
          }
        >
          Nueva caja
        </Button>
      </div>
      {editing ? (
        <Dialog open onOpenChange={(o) => !o && setEditing(null)} title={editing.id ? "Editar caja" : "Nueva caja"}>
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ ...editing, afipPointOfSale: Number(editing.afipPointOfSale) });
            }}
          >
            <Field label="Nombre" error={errs.name}>
              <Input autoFocus value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
            </Field>
            <Field label="Depósito del que vende" error={errs.warehouseId}>
              <Select value={editing.warehouseId} onChange={(e) => setEditing({ ...editing, warehouseId: e.target.value })}>
                {warehouses.data?.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Punto de venta ARCA (ex AFIP)" error={errs.afipPointOfSale}>
              <Input inputMode="numeric" value={editing.afipPointOfSale} onChange={(e) => setEditing({ ...editing, afipPointOfSale: e.target.value.replace(/\D/g, "") })} />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={editing.fiscalEnabled} onChange={(e) => setEditing({ ...editing, fiscalEnabled: e.target.checked })} />
              Emitir factura electrónica por cada venta
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={editing.active} onChange={(e) => setEditing({ ...editing, active: e.target.checked })} />
              Activa
            </label>
            {save.error && !Object.keys(errs).length ? <Alert>{errorMessage(save.error)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                Cancelar
              </Button>
              <Button type="submit" busy={save.isPending}>
                Guardar
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </Card>
  );
}
