"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors, type RouterOutputs } from "@/lib/trpc/react";
import { Card, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EMITTER_IVA_CONDITIONS, EMITTER_IVA_LABEL, type EmitterIvaCondition } from "@/lib/afip-codes";
import { formatCuit, isValidCuit } from "@/lib/cuit";
import { parseEsAr } from "@/lib/number";
import { AR_TIME_ZONES, timeZoneLabel } from "@/lib/business-settings";

type Loaded = RouterOutputs["business"]["settings"];

/** Business data and operating settings (issue 14 item 4). Waits for the data before showing the form. */
export function BusinessSettingsPage({ slug }: { slug: string }) {
  const q = trpc.business.settings.useQuery();
  return (
    <div>
      <PageHeader title="Datos del negocio" description="Razón social, CUIT y domicilio que salen en los tickets, y cómo trabaja el negocio día a día." />
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.data ? <SettingsForm slug={slug} initial={q.data} /> : q.error ? null : <FormSkeleton />}
    </div>
  );
}

function FormSkeleton() {
  return (
    <div role="status" className="grid gap-4 lg:grid-cols-2" aria-busy="true" aria-label="Cargando datos del negocio">
      {[0, 1].map((i) => (
        <div key={i} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          {[0, 1, 2, 3].map((j) => (
            <div key={j} className="h-9 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      ))}
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
function SettingsForm({ slug, initial }: { slug: string; initial: Loaded }) {
  const utils = trpc.useUtils();
  const [f, setF] = useState({
    name: initial.name,
    legalName: initial.legalName ?? "",
    cuit: initial.cuit ? formatCuit(initial.cuit) : "",
    address: initial.address ?? "",
    ivaCondition: (initial.ivaCondition ?? "MONOTRIBUTO") as EmitterIvaCondition,
    timezone: initial.timezone,
    allowNegativeStock: initial.allowNegativeStock,
    expiryAlertDays: String(initial.expiryAlertDays),
    defaultWarehouseId: initial.defaultWarehouseId ?? "",
  });
  const [saved, setSaved] = useState(false);
  const save = trpc.business.saveSettings.useMutation({
    onSuccess: async () => {
      setSaved(true);
      await Promise.all([utils.business.settings.invalidate(), utils.business.firstSteps.invalidate(), utils.inventory.warehouses.invalidate()]);
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  const days = parseEsAr(f.expiryAlertDays);
  const daysError = !days.ok ? days.message : !days.value.isInteger() || days.value.lt(1) || days.value.gt(365) ? "Ingresá días enteros entre 1 y 365" : undefined;
  const cuitError = f.cuit && !isValidCuit(f.cuit) ? "CUIT inválido (revisá el dígito verificador)" : undefined;
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => {
    setSaved(false);
    setF((prev) => ({ ...prev, [k]: v }));
  };
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (daysError || cuitError || !days.ok) return;
        save.mutate({ ...f, address: f.address || null, expiryAlertDays: days.value.toNumber(), timezone: f.timezone as (typeof AR_TIME_ZONES)[number] });
      }}
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Identidad">
          <div className="space-y-4">
            <Field label="Nombre del negocio" error={errs.name} hint="Cómo lo ven tu equipo y tus clientes.">
              <Input value={f.name} maxLength={80} onChange={(e) => set("name", e.target.value)} invalid={!!errs.name} />
            </Field>
            <Field label="Razón social" error={errs.legalName}>
              <Input value={f.legalName} maxLength={200} onChange={(e) => set("legalName", e.target.value)} invalid={!!errs.legalName} />
            </Field>
            <Field label="CUIT" error={cuitError ?? errs.cuit} hint="Con o sin guiones: 30-12345678-9">
              <Input value={f.cuit} maxLength={20} inputMode="numeric" onChange={(e) => set("cuit", e.target.value)} invalid={!!(cuitError ?? errs.cuit)} />
            </Field>
            <Field label="Domicilio" error={errs.address}>
              <Input value={f.address} maxLength={300} onChange={(e) => set("address", e.target.value)} invalid={!!errs.address} />
            </Field>
            <Field label="Condición frente al IVA (sale en los tickets)" error={errs.ivaCondition}>
              <Select value={f.ivaCondition} onChange={(e) => set("ivaCondition", e.target.value as EmitterIvaCondition)}>
                {EMITTER_IVA_CONDITIONS.map((c) => (
                  <option key={c} value={c}>
                    {EMITTER_IVA_LABEL[c]}
                  </option>
                ))}
              </Select>
            </Field>
            <p className="text-sm text-slate-600">
              El certificado de ARCA (ex AFIP) y los puntos de venta se cargan en{" "}
              <Link className="text-teal-800 underline" href={`/${slug}/fiscal/configuracion`}>
                Configuración fiscal
              </Link>
              .
            </p>
          </div>
        </Card>
        <Card title="Operación">
          <div className="space-y-4">
            <Field label="Zona horaria" error={errs.timezone} hint="Define el día de las ventas, los reportes y los vencimientos.">
              <Select value={f.timezone} onChange={(e) => set("timezone", e.target.value)}>
                {AR_TIME_ZONES.map((tz) => (
                  <option key={tz} value={tz}>
                    {timeZoneLabel(tz)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Depósito principal" error={errs.defaultWarehouseId} hint="Donde entra la mercadería si no elegís otro.">
              <Select value={f.defaultWarehouseId} onChange={(e) => set("defaultWarehouseId", e.target.value)} invalid={!!errs.defaultWarehouseId}>
                {initial.warehouses
                  .filter((w) => w.active || w.id === f.defaultWarehouseId)
                  .map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label="Avisar vencimientos con (días de anticipación)" error={daysError ?? errs.expiryAlertDays}>
              <Input value={f.expiryAlertDays} inputMode="numeric" maxLength={4} onChange={(e) => set("expiryAlertDays", e.target.value)} invalid={!!(daysError ?? errs.expiryAlertDays)} />
            </Field>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-0.5 h-4 w-4" checked={f.allowNegativeStock} onChange={(e) => set("allowNegativeStock", e.target.checked)} />
              <span>
                Permitir vender sin stock
                <span className="block text-slate-600">El stock queda negativo y se marca para revisar. Apagado, la caja avisa que no alcanza.</span>
              </span>
            </label>
          </div>
        </Card>
      </div>
      {save.error && !Object.keys(errs).length ? <Alert>{errorMessage(save.error)}</Alert> : null}
      {saved ? <Alert kind="success">Datos guardados.</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending}>
          Guardar
        </Button>
      </div>
    </form>
  );
}
