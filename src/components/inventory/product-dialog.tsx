"use client";
import { useEffect, useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { NumberInput } from "@/components/ui/number-input";
import { formatPercent, toInputText, toWire, typedToWire } from "@/lib/number";
import { ZProductInput } from "@/lib/schemas/product";
import { z } from "zod";

type Form = {
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  familyId: string;
  conversionFactor: string;
  unit: string;
  salePrice: string;
  ivaRate: "0" | "2.5" | "5" | "10.5" | "21" | "27";
  stockMin: string;
  stockIdeal: string;
  stockMax: string;
  barcodes: string;
  isService: boolean;
  hasExpiry: boolean;
  trackBatches: boolean;
  active: boolean;
};

const EMPTY: Form = {
  sku: "",
  name: "",
  description: "",
  categoryId: "",
  familyId: "",
  conversionFactor: "",
  unit: "u",
  salePrice: "",
  ivaRate: "21",
  stockMin: "0",
  stockIdeal: "0",
  stockMax: "0",
  barcodes: "",
  isService: false,
  hasExpiry: false,
  trackBatches: false,
  active: true,
};

const toInput = (f: Form) => ({
  sku: f.sku,
  name: f.name,
  description: f.description || null,
  categoryId: f.categoryId || null,
  familyId: f.familyId || null,
  conversionFactor: f.familyId ? typedToWire(f.conversionFactor) : null,
  unit: f.unit,
  salePrice: typedToWire(f.salePrice),
  ivaRate: f.ivaRate,
  stockMin: typedToWire(f.stockMin),
  stockIdeal: typedToWire(f.stockIdeal),
  stockMax: typedToWire(f.stockMax),
  isService: f.isService,
  hasExpiry: f.hasExpiry,
  trackBatches: f.trackBatches,
  active: f.active,
  barcodes: f.barcodes
    .split(/[\s,;]+/)
    .map((b) => b.trim())
    .filter(Boolean),
});

/** Create or edit a product. Validates with the same zod schema as the server, shows errors per field. */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function ProductDialog({
  open,
  onOpenChange,
  productId,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  productId?: string | null;
  onSaved?: (id: string) => void;
}) {
  const utils = trpc.useUtils();
  const categories = trpc.inventory.categories.useQuery(undefined, { enabled: open });
  const families = trpc.inventory.families.useQuery(undefined, { enabled: open });
  const existing = trpc.inventory.product.useQuery({ id: productId ?? "" }, { enabled: open && !!productId });
  const [form, setForm] = useState<Form>(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string[] | undefined>>({});

  useEffect(() => {
    if (!open) return;
    setClientErrors({});
    if (!productId) setForm(EMPTY);
    else if (existing.data) {
      const p = existing.data.product;
      setForm({
        sku: p.sku,
        name: p.name,
        description: p.description ?? "",
        categoryId: p.categoryId ?? "",
        familyId: p.familyId ?? "",
        conversionFactor: toInputText(p.conversionFactor),
        unit: p.unit,
        salePrice: toInputText(p.salePrice, 2),
        ivaRate: toWire(p.ivaRate) as Form["ivaRate"],
        stockMin: toInputText(p.stockMin, 3),
        stockIdeal: toInputText(p.stockIdeal, 3),
        stockMax: toInputText(p.stockMax, 3),
        barcodes: p.barcodes.join(", "),
        isService: p.isService,
        hasExpiry: p.hasExpiry,
        trackBatches: p.trackBatches,
        active: p.active,
      });
    }
  }, [open, productId, existing.data]);

  const done = async (id: string) => {
    await Promise.all([utils.inventory.products.invalidate(), utils.inventory.product.invalidate(), utils.inventory.families.invalidate()]);
    onOpenChange(false);
    onSaved?.(id);
  };
  const create = trpc.inventory.createProduct.useMutation({ onSuccess: (r) => done(r.id) });
  const update = trpc.inventory.updateProduct.useMutation({ onSuccess: (r) => done(r.id) });
  const mutation = productId ? update : create;
  const errs = { ...(mutation.error ? fieldErrors(mutation.error) : {}), ...clientErrors };
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input = toInput(form);
    const parsed = ZProductInput.safeParse(input);
    if (!parsed.success) {
      setClientErrors(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
      return;
    }
    setClientErrors({});
    if (productId) update.mutate({ id: productId, data: input });
    else create.mutate(input);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={productId ? "Editar producto" : "Nuevo producto"} wide>
      <form className="grid gap-4 sm:grid-cols-2" onSubmit={submit}>
        <Field label="SKU" error={errs.sku}>
          <Input value={form.sku} onChange={(e) => set("sku", e.target.value)} invalid={!!errs.sku} />
        </Field>
        <Field label="Nombre" error={errs.name}>
          <Input value={form.name} onChange={(e) => set("name", e.target.value)} invalid={!!errs.name} />
        </Field>
        <Field label="Categoría" error={errs.categoryId}>
          <Select value={form.categoryId} onChange={(e) => set("categoryId", e.target.value)}>
            <option value="">Sin categoría</option>
            {categories.data?.filter((c) => c.active || c.id === form.categoryId).map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Unidad" error={errs.unit} hint="u, kg, l, botella, bolsa…">
          <Input value={form.unit} onChange={(e) => set("unit", e.target.value)} invalid={!!errs.unit} />
        </Field>
        <Field label="Precio de venta (con IVA)" error={errs.salePrice}>
          <NumberInput kind="money" label="Precio de venta" value={form.salePrice} onValueChange={(v) => set("salePrice", v)} invalid={!!errs.salePrice} />
        </Field>
        <Field label="Alícuota de IVA" error={errs.ivaRate}>
          <Select value={form.ivaRate} onChange={(e) => set("ivaRate", e.target.value as Form["ivaRate"])}>
            {["21", "10.5", "27", "5", "2.5", "0"].map((r) => (
              <option key={r} value={r}>
                {formatPercent(r)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Stock mínimo" error={errs.stockMin}>
          <NumberInput kind="quantity" label="Stock mínimo" value={form.stockMin} onValueChange={(v) => set("stockMin", v)} invalid={!!errs.stockMin} />
        </Field>
        <Field label="Stock ideal" error={errs.stockIdeal}>
          <NumberInput kind="quantity" label="Stock ideal" value={form.stockIdeal} onValueChange={(v) => set("stockIdeal", v)} invalid={!!errs.stockIdeal} />
        </Field>
        <Field label="Stock máximo" error={errs.stockMax}>
          <NumberInput kind="quantity" label="Stock máximo" value={form.stockMax} onValueChange={(v) => set("stockMax", v)} invalid={!!errs.stockMax} />
        </Field>
        <Field label="Códigos de barras" error={errs.barcodes} hint="Separados por coma">
          <Input value={form.barcodes} onChange={(e) => set("barcodes", e.target.value)} invalid={!!errs.barcodes} />
        </Field>
        <Field label="Familia" error={errs.familyId}>
          <Select value={form.familyId} onChange={(e) => set("familyId", e.target.value)}>
            <option value="">Sin familia</option>
            {families.data?.filter((f) => f.active || f.id === form.familyId).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({f.baseUnit})
              </option>
            ))}
          </Select>
        </Field>
        {form.familyId ? (
          <Field label="Factor de conversión" error={errs.conversionFactor} hint="Unidades base que trae (bolsa de 400 g → 400)">
            <NumberInput kind="cost" label="Factor de conversión" value={form.conversionFactor} onValueChange={(v) => set("conversionFactor", v)} invalid={!!errs.conversionFactor} />
          </Field>
        ) : (
          <div />
        )}
        <fieldset className="flex flex-wrap gap-4 sm:col-span-2">
          {(
            [
              ["isService", "Es un servicio (sin stock)"],
              ["hasExpiry", "Tiene vencimiento"],
              ["trackBatches", "Controla lotes"],
              ["active", "Activo"],
            ] as const
          ).map(([k, label]) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={form[k]} onChange={(e) => set(k, e.target.checked)} />
              {label}
            </label>
          ))}
        </fieldset>
        {mutation.error && !Object.keys(fieldErrors(mutation.error)).length ? (
          <div className="sm:col-span-2">
            <Alert>{errorMessage(mutation.error)}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2 sm:col-span-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={mutation.isPending}>
            {productId ? "Guardar cambios" : "Crear producto"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
