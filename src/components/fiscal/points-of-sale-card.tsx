"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Card } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { parseEsAr } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";

type Point = { id: string; number: number; name: string; active: boolean; emissionType: "CAE" | "CAEA"; fallbackFor: number | null };

/** ARCA points of sale: CAE (web service, the registers use them) or CAEA (contingency, backing one CAE point of sale). */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function PointsOfSaleCard({ disabled, points }: { disabled: boolean; points: Point[] }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ number: "", name: "", emissionType: "CAE" as "CAE" | "CAEA", fallbackFor: "" });
  const save = trpc.fiscal.savePointOfSale.useMutation({
    onSuccess: async () => {
      setForm({ number: "", name: "", emissionType: "CAE", fallbackFor: "" });
      await utils.fiscal.settings.invalidate();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  const number = parseEsAr(form.number, { label: "Número", maxScale: 0, maxIntegerDigits: 5 });
  const fallback = form.fallbackFor ? parseEsAr(form.fallbackFor, { label: "Respalda a", maxScale: 0, maxIntegerDigits: 5 }) : null;
  const cae = points.filter((p) => p.emissionType === "CAE");
  return (
    <Card title="Puntos de venta">
      <p className="mb-3 text-sm text-slate-600">
        Como están dados de alta en ARCA (ex AFIP): <strong>CAE</strong> (web service, en línea) para las cajas, y <strong>CAEA</strong> (contingencia) para seguir
        facturando cuando ARCA no responde. Un punto CAEA respalda a un punto CAE: sus cajas pasan a él durante un corte.
      </p>
      {points.length ? (
        <ul className="mb-4 divide-y divide-slate-100 rounded border border-slate-200">
          {points.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <span className="font-mono">{String(p.number).padStart(4, "0")}</span> · {p.name} ·{" "}
                <span className={`rounded px-1.5 py-0.5 text-xs ${p.emissionType === "CAEA" ? "bg-amber-100 text-amber-900" : "bg-slate-100"}`}>{p.emissionType}</span>
                {p.emissionType === "CAEA" && p.fallbackFor ? <span className="text-slate-500"> · respalda al {String(p.fallbackFor).padStart(4, "0")}</span> : null}
              </span>
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => save.mutate({ number: p.number, name: p.name, active: !p.active, emissionType: p.emissionType, fallbackFor: p.fallbackFor })}
              >
                {p.active ? "Activo · desactivar" : "Inactivo · activar"}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-500">Sin puntos de venta cargados: agregá el número que diste de alta en ARCA para factura electrónica.</p>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!number.ok || (fallback && !fallback.ok)) return;
          save.mutate({
            number: number.value.toNumber(),
            name: form.name,
            emissionType: form.emissionType,
            fallbackFor: form.emissionType === "CAEA" && fallback?.ok ? fallback.value.toNumber() : null,
          });
        }}
      >
        <Field label="Número" error={errs.number}>
          <NumberInput kind="integer" label="Número" required className="w-28" value={form.number} onValueChange={(number) => setForm((f) => ({ ...f, number }))} disabled={disabled} />
        </Field>
        <Field label="Nombre" error={errs.name}>
          <Input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} disabled={disabled} />
        </Field>
        <Field label="Tipo en ARCA">
          <Select value={form.emissionType} onChange={(e) => setForm({ ...form, emissionType: e.target.value as "CAE" | "CAEA" })} disabled={disabled}>
            <option value="CAE">CAE (web service)</option>
            <option value="CAEA">CAEA (contingencia)</option>
          </Select>
        </Field>
        {form.emissionType === "CAEA" ? (
          <Field label="Respalda al punto CAE" error={errs.fallbackFor ?? (fallback && !fallback.ok ? fallback.message : undefined)}>
            <Select value={form.fallbackFor} onChange={(e) => setForm({ ...form, fallbackFor: e.target.value })} disabled={disabled}>
              <option value="">Ninguno</option>
              {cae.map((p) => (
                <option key={p.id} value={String(p.number)}>
                  {String(p.number).padStart(4, "0")} · {p.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Button type="submit" disabled={disabled || !number.ok} busy={save.isPending}>
          Agregar
        </Button>
      </form>
      {save.error && !Object.keys(errs).length ? <Alert>{errorMessage(save.error)}</Alert> : null}
    </Card>
  );
}
