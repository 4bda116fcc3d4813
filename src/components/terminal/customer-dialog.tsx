"use client";
import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { CUSTOMER_DOC_TYPES, IVA_CONDITION_LABELS, IVA_CONDITIONS, ZCustomerFields, type TCustomerFields } from "@/lib/schemas/pos-wire";
import type { CartCustomer } from "@/pos/cart";
import { newId } from "@/pos/cart";
import type { LocalCustomer } from "@/pos/types";
import type { TPosOp } from "@/lib/schemas/pos-wire";

const empty: TCustomerFields = { docType: "CUIT", docNumber: "", name: "", ivaCondition: "RESPONSABLE_INSCRIPTO", address: "" };

/**
 * The sale's customer (Factura A): searched in the local copy by name, CUIT or DNI, or typed
 * in — also offline — and queued to be created on the server (idempotently) before the sale.
 */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function CustomerDialog({
  open,
  onOpenChange,
  onPick,
  search,
  queueOp,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onPick: (c: CartCustomer) => void;
  search: (q: string) => Promise<LocalCustomer[]>;
  queueOp: (op: TPosOp) => Promise<void>;
}) {
  const [q, setQ] = useState("");
  const [list, setList] = useState<LocalCustomer[]>([]);
  const [index, setIndex] = useState(0);
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<TCustomerFields>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void search(q).then((r) => live && setList(r));
    return () => {
      live = false;
    };
  }, [q, search]);
  useEffect(() => {
    if (!open) {
      setAdding(false);
      setQ("");
      setForm(empty);
      setErrors({});
    }
  }, [open]);

  const pick = (c: LocalCustomer) => {
    onPick({ id: c.id, name: c.name, doc: `${c.docType} ${c.docNumber}`, ivaCondition: c.ivaCondition });
    onOpenChange(false);
  };

  async function save() {
    const parsed = ZCustomerFields.safeParse({ ...form, address: form.address?.trim() || undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    const existing = (await search(parsed.data.docNumber)).find((c) => c.docType === parsed.data.docType && c.docNumber === parsed.data.docNumber);
    if (existing) return pick(existing);
    const id = newId();
    try {
      await queueOp({ kind: "CREATE_CUSTOMER", id, at: new Date().toISOString(), ...parsed.data });
      onPick({ id, name: parsed.data.name, doc: `${parsed.data.docType} ${parsed.data.docNumber}`, ivaCondition: parsed.data.ivaCondition });
      onOpenChange(false);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Cliente de la venta" description="Buscá por nombre, CUIT o DNI. Enter elige; F3 carga uno nuevo.">
      {!adding ? (
        <div className="space-y-3">
          <Input
            autoFocus
            aria-label="Buscar cliente"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setIndex(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setIndex((i) => Math.min(i + 1, list.length - 1));
              else if (e.key === "ArrowUp") setIndex((i) => Math.max(i - 1, 0));
              else if (e.key === "F3") {
                e.preventDefault();
                setAdding(true);
              } else if (e.key === "Enter") {
                e.preventDefault();
                if (list[index]) pick(list[index]!);
                else setAdding(true);
              }
            }}
          />
          <ul role="listbox" aria-label="Clientes" className="divide-y divide-slate-100">
            {list.map((c, i) => (
              // Keyboard selection is the search field's (↑/↓/Enter, the combobox pattern); the click is for pointers.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li key={c.id} role="option" aria-selected={i === index} className={`cursor-pointer px-2 py-3 text-sm ${i === index ? "bg-teal-50" : ""}`} onClick={() => pick(c)}>
                {c.name} · {c.docType} {c.docNumber}
                {c.pending ? <span className="ml-1 text-xs text-amber-700">(se crea al sincronizar)</span> : null}
              </li>
            ))}
          </ul>
          {q.trim().length >= 2 && list.length === 0 ? <p className="text-sm text-slate-600">No hay clientes que coincidan. Enter para cargarlo.</p> : null}
          <Button variant="secondary" className="min-h-11" onClick={() => setAdding(true)}>
            Nuevo cliente (F3)
          </Button>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="grid grid-cols-[7rem_1fr] gap-2">
            <Field label="Documento">
              <Select value={form.docType} onChange={(e) => setForm({ ...form, docType: e.target.value as TCustomerFields["docType"] })}>
                {CUSTOMER_DOC_TYPES.map((d) => (
                  <option key={d} value={d}>
                    {d === "PASSPORT" ? "Pasaporte" : d}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Número" error={errors.docNumber}>
              <Input autoFocus value={form.docNumber} onChange={(e) => setForm({ ...form, docNumber: e.target.value.replace(/[\s-]/g, "") })} />
            </Field>
          </div>
          <Field label="Nombre o razón social" error={errors.name}>
            <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <Field label="Condición frente al IVA">
            <Select value={form.ivaCondition} onChange={(e) => setForm({ ...form, ivaCondition: e.target.value as TCustomerFields["ivaCondition"] })}>
              {IVA_CONDITIONS.map((v) => (
                <option key={v} value={v}>
                  {IVA_CONDITION_LABELS[v]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Domicilio (opcional)" error={errors.address}>
            <Input value={form.address ?? ""} onChange={(e) => setForm({ ...form, address: e.target.value })} />
          </Field>
          {failure ? <Alert>{failure}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" className="min-h-11" onClick={() => setAdding(false)}>
              Volver
            </Button>
            <Button type="submit" className="min-h-11">
              Guardar y usar
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
