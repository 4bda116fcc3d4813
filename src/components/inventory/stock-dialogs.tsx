"use client";
import { useEffect, useRef, useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { NumberInput } from "@/components/ui/number-input";
import { formatMoney, formatQty } from "@/lib/format";
import { typedToWire } from "@/lib/number";

export type StockAction = "receive" | "consume" | "transfer";
type Props = { open: boolean; onOpenChange: (o: boolean) => void; productId: string; productName: string; hasExpiry?: boolean };

function useWarehouses(open: boolean) {
  return trpc.inventory.warehouses.useQuery(undefined, { enabled: open });
}

function useAfterStockChange(onOpenChange: (o: boolean) => void) {
  const utils = trpc.useUtils();
  return async () => {
    await Promise.all([
      utils.inventory.product.invalidate(),
      utils.inventory.products.invalidate(),
      utils.inventory.movements.invalidate(),
      utils.inventory.families.invalidate(),
      utils.inventory.warehouses.invalidate(),
    ]);
    onOpenChange(false);
  };
}

function WarehouseSelect({ label, value, onChange, error, open }: { label: string; value: string; onChange: (v: string) => void; error?: string[]; open: boolean }) {
  const warehouses = useWarehouses(open);
  useEffect(() => {
    if (!value && warehouses.data?.length) onChange(warehouses.data.find((w) => w.isDefault)?.id ?? warehouses.data[0]!.id);
  }, [value, warehouses.data, onChange]);
  return (
    <Field label={label} error={error}>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        {!value ? <option value="">Cargando depósitos…</option> : null}
        {warehouses.data?.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Manual IN: a new lot with its real unit cost (and expiry, lot number). */
export function ReceiveDialog({ open, onOpenChange, productId, productName, hasExpiry }: Props) {
  const [f, setF] = useState({ warehouseId: "", quantity: "", unitCost: "", lotNumber: "", expiresAt: "", reference: "" });
  useEffect(() => {
    if (open) setF((x) => ({ ...x, quantity: "", unitCost: "", lotNumber: "", expiresAt: "", reference: "" }));
  }, [open]);
  const after = useAfterStockChange(onOpenChange);
  const m = trpc.inventory.receive.useMutation({ onSuccess: after });
  // The product's own rule decides whether the expiry is asked for (lists don't carry it: ask).
  const product = trpc.inventory.product.useQuery({ id: productId }, { enabled: open && hasExpiry === undefined });
  const needsExpiry = hasExpiry ?? product.data?.product.hasExpiry ?? false;
  const [missingExpiry, setMissingExpiry] = useState(false);
  if (!open && missingExpiry) setMissingExpiry(false);
  const expiryInput = useRef<HTMLInputElement>(null);
  const errs: Record<string, string[] | undefined> = { ...(m.error ? fieldErrors(m.error) : {}), ...(missingExpiry ? { expiresAt: [`«${productName}» tiene vencimiento: indicá la fecha de vencimiento del lote.`] } : {}) };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Ingresar stock" description={productName}>
      <form
        className="grid gap-4 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (needsExpiry && !f.expiresAt) {
            setMissingExpiry(true);
            expiryInput.current?.focus();
            return;
          }
          m.mutate({
            productId,
            warehouseId: f.warehouseId,
            quantity: typedToWire(f.quantity),
            unitCost: typedToWire(f.unitCost),
            lotNumber: f.lotNumber || null,
            expiresAt: f.expiresAt || null,
            reference: f.reference || undefined,
          });
        }}
      >
        <WarehouseSelect label="Depósito" value={f.warehouseId} onChange={(v) => setF((x) => ({ ...x, warehouseId: v }))} error={errs.warehouseId} open={open} />
        <Field label="Cantidad" error={errs.quantity}>
          <NumberInput kind="quantity" label="Cantidad" value={f.quantity} onValueChange={(quantity) => setF((x) => ({ ...x, quantity }))} invalid={!!errs.quantity} />
        </Field>
        <Field label="Costo unitario" error={errs.unitCost}>
          <NumberInput kind="cost" label="Costo unitario" value={f.unitCost} onValueChange={(unitCost) => setF((x) => ({ ...x, unitCost }))} invalid={!!errs.unitCost} />
        </Field>
        <Field label="Número de lote" error={errs.lotNumber}>
          <Input value={f.lotNumber} onChange={(e) => setF({ ...f, lotNumber: e.target.value })} />
        </Field>
        <Field label={needsExpiry ? "Vencimiento (obligatorio)" : "Vencimiento (opcional)"} error={errs.expiresAt}>
          <Input
            ref={expiryInput}
            type="date"
            aria-required={needsExpiry}
            value={f.expiresAt}
            onChange={(e) => (setF({ ...f, expiresAt: e.target.value }), setMissingExpiry(false))}
            invalid={!!errs.expiresAt}
          />
        </Field>
        <Field label="Referencia" error={errs.reference}>
          <Input value={f.reference} onChange={(e) => setF({ ...f, reference: e.target.value })} placeholder="Stock inicial, remito…" />
        </Field>
        {m.error && !Object.keys(errs).length ? (
          <div className="sm:col-span-2">
            <Alert>{errorMessage(m.error)}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2 sm:col-span-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending} disabled={!f.warehouseId}>
            Ingresar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Consumption to the kitchen, a room ("HAB-502") or internal use. */
export function ConsumeDialog({ open, onOpenChange, productId, productName }: Props) {
  const [f, setF] = useState({ warehouseId: "", quantity: "", destinationType: "ROOM" as "ROOM" | "KITCHEN" | "INTERNAL", reference: "" });
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setF((x) => ({ ...x, quantity: "", reference: "" }));
      setResult(null);
    }
  }, [open]);
  const after = useAfterStockChange(onOpenChange);
  const m = trpc.inventory.consume.useMutation({
    onSuccess: async (r) => {
      setResult(r.costTotal);
      await after();
    },
  });
  const errs = m.error ? fieldErrors(m.error) : {};
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Registrar consumo" description={productName}>
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({ productId, warehouseId: f.warehouseId, quantity: typedToWire(f.quantity), destinationType: f.destinationType, reference: f.reference || undefined });
        }}
      >
        <WarehouseSelect label="Depósito" value={f.warehouseId} onChange={(v) => setF((x) => ({ ...x, warehouseId: v }))} error={errs.warehouseId} open={open} />
        <Field label="Cantidad" error={errs.quantity}>
          <NumberInput kind="quantity" label="Cantidad" value={f.quantity} onValueChange={(quantity) => setF((x) => ({ ...x, quantity }))} invalid={!!errs.quantity} />
        </Field>
        <Field label="Destino" error={errs.destinationType}>
          <Select value={f.destinationType} onChange={(e) => setF({ ...f, destinationType: e.target.value as typeof f.destinationType })}>
            <option value="ROOM">Habitación</option>
            <option value="KITCHEN">Cocina</option>
            <option value="INTERNAL">Uso interno</option>
          </Select>
        </Field>
        <Field label={f.destinationType === "ROOM" ? "Habitación" : "Referencia"} error={errs.reference}>
          <Input value={f.reference} onChange={(e) => setF({ ...f, reference: e.target.value })} placeholder={f.destinationType === "ROOM" ? "HAB-502" : "Opcional"} invalid={!!errs.reference} />
        </Field>
        {m.error && !Object.keys(errs).length ? (
          <div className="sm:col-span-2">
            <Alert>{errorMessage(m.error)}</Alert>
          </div>
        ) : null}
        {result ? <div className="sm:col-span-2"><Alert kind="success">Consumo registrado. Costo: {formatMoney(result)}</Alert></div> : null}
        <div className="flex justify-end gap-2 sm:col-span-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending} disabled={!f.warehouseId}>
            Registrar consumo
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Moves stock between warehouses; lots keep their cost and expiry. */
export function TransferDialog({ open, onOpenChange, productId, productName }: Props) {
  const [f, setF] = useState({ fromWarehouseId: "", toWarehouseId: "", quantity: "", reference: "" });
  const warehouses = useWarehouses(open);
  useEffect(() => {
    if (open && warehouses.data?.length) {
      const def = warehouses.data.find((w) => w.isDefault) ?? warehouses.data[0]!;
      const other = warehouses.data.find((w) => w.id !== def.id);
      setF({ fromWarehouseId: def.id, toWarehouseId: other?.id ?? "", quantity: "", reference: "" });
    }
  }, [open, warehouses.data]);
  const after = useAfterStockChange(onOpenChange);
  const m = trpc.inventory.transfer.useMutation({ onSuccess: after });
  const errs = m.error ? fieldErrors(m.error) : {};
  const single = (warehouses.data?.length ?? 0) < 2;
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Transferir entre depósitos" description={productName}>
      {single ? (
        <Alert kind="info">Hay un solo depósito. Creá otro en Inventario › Depósitos para transferir.</Alert>
      ) : (
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            m.mutate({ productId, ...f, quantity: typedToWire(f.quantity), reference: f.reference || undefined });
          }}
        >
          <Field label="Desde" error={errs.fromWarehouseId}>
            <Select value={f.fromWarehouseId} onChange={(e) => setF({ ...f, fromWarehouseId: e.target.value })}>
              {warehouses.data?.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Hacia" error={errs.toWarehouseId}>
            <Select value={f.toWarehouseId} onChange={(e) => setF({ ...f, toWarehouseId: e.target.value })} invalid={!!errs.toWarehouseId}>
              {warehouses.data?.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Cantidad" error={errs.quantity}>
            <NumberInput kind="quantity" label="Cantidad" value={f.quantity} onValueChange={(quantity) => setF((x) => ({ ...x, quantity }))} invalid={!!errs.quantity} />
          </Field>
          <Field label="Referencia" error={errs.reference}>
            <Input value={f.reference} onChange={(e) => setF({ ...f, reference: e.target.value })} placeholder="Opcional" />
          </Field>
          {m.error && !Object.keys(errs).length ? (
            <div className="sm:col-span-2">
              <Alert>{errorMessage(m.error)}</Alert>
            </div>
          ) : null}
          <div className="flex justify-end gap-2 sm:col-span-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancelar
            </Button>
            <Button type="submit" busy={m.isPending} disabled={!f.fromWarehouseId || !f.toWarehouseId}>
              Transferir
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

export function StockDialogs({ action, onClose, product }: { action: StockAction | null; onClose: () => void; product: { id: string; name: string; hasExpiry?: boolean } | null }) {
  if (!product) return null;
  const common = { productId: product.id, productName: product.name, hasExpiry: product.hasExpiry, onOpenChange: (o: boolean) => !o && onClose() };
  return (
    <>
      <ReceiveDialog open={action === "receive"} {...common} />
      <ConsumeDialog open={action === "consume"} {...common} />
      <TransferDialog open={action === "transfer"} {...common} />
    </>
  );
}

export { formatQty };
