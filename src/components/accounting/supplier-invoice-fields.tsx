"use client";
import { useState } from "react";
import { parseEsAr, formatMoney, formatPercent, toInputText, toWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { Decimal } from "@/lib/decimal";
import {
  discriminatesVat,
  PERCEPTION_KINDS,
  SUPPLIER_DOC_TYPES,
  VAT_RATES,
  type PerceptionKind,
  type TSupplierInvoiceInput,
  type VatRate,
} from "@/lib/accounting/supplier-invoice";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

type VatRow = { rate: VatRate; net: string; vat: string };
type PerceptionRow = { kind: PerceptionKind; jurisdiction: string; amount: string };
export type SupplierInvoiceForm = {
  cbteTipo: string;
  pointOfSale: string;
  number: string;
  issueDate: string;
  vat: VatRow[];
  exempt: string;
  nonTaxed: string;
  perceptions: PerceptionRow[];
  total: string;
};

export const emptySupplierInvoice = (issueDate = ""): SupplierInvoiceForm => ({
  cbteTipo: "1",
  pointOfSale: "",
  number: "",
  issueDate,
  vat: [{ rate: "21", net: "", vat: "" }],
  exempt: "",
  nonTaxed: "",
  perceptions: [],
  total: "",
});

/**
 * Typed es-AR text → the wire's canonical decimal ("2.000" is two thousand, sent as "2000"). Text
 * that cannot be read unambiguously is sent so that the server refuses it (never as a number it
 * could misread: "1.50" alone would look like a machine decimal).
 */
const wire = (typed: string): string => {
  if (typed.trim() === "") return "0";
  const r = parseEsAr(typed);
  return r.ok ? toWire(r.value) : `no es un número: ${typed}`.slice(0, 40);
};

/** What the server receives: every amount read es-AR style here, sent canonical. */
export function toSupplierInvoiceInput(f: SupplierInvoiceForm): TSupplierInvoiceInput {
  return {
    cbteTipo: Number(f.cbteTipo),
    pointOfSale: f.pointOfSale.trim() === "" ? -1 : Number(f.pointOfSale),
    number: f.number.trim() === "" ? 0 : Number(f.number),
    issueDate: f.issueDate,
    vat: f.vat.filter((r) => r.net.trim() !== "").map((r) => ({ rate: r.rate, net: wire(r.net), vat: wire(r.vat) })),
    exempt: wire(f.exempt),
    nonTaxed: wire(f.nonTaxed),
    perceptions: f.perceptions.filter((p) => p.amount.trim() !== "").map((p) => ({ kind: p.kind, jurisdiction: p.jurisdiction || null, amount: wire(p.amount) })),
    total: f.total.trim() === "" ? "" : wire(f.total),
  };
}

const read = (s: string) => {
  if (s.trim() === "") return new Decimal(0);
  const r = parseEsAr(s);
  return r.ok ? r.value : null;
};

/** Σ of the typed amounts (null while one of them cannot be read). */
export function typedSum(f: SupplierInvoiceForm): Decimal | null {
  const parts = [...f.vat.flatMap((r) => [r.net, r.vat]), f.exempt, f.nonTaxed, ...f.perceptions.map((p) => p.amount)].map(read);
  if (parts.some((p) => p === null)) return null;
  return parts.reduce((a, b) => a!.plus(b!), new Decimal(0))!;
}

export function useSupplierInvoiceForm(issueDate = "") {
  const [form, setForm] = useState<SupplierInvoiceForm>(() => emptySupplierInvoice(issueDate));
  return { form, setForm };
}

/**
 * The supplier's document with its fiscal data: type, point of sale and number, date, net and
 * IVA per rate, exempt and non-taxed amounts, percepciones and the total. IVA is suggested from
 * the net (rate × net) and stays editable; the sum is shown against the total as you type.
 */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function SupplierInvoiceFields({ form, setForm, errors = {} }: { form: SupplierInvoiceForm; setForm: (f: SupplierInvoiceForm) => void; errors?: Record<string, string[] | undefined> }) {
  const discriminates = discriminatesVat(Number(form.cbteTipo));
  const sum = typedSum(form);
  const total = read(form.total);
  const mismatch = sum && total && form.total.trim() !== "" && !sum.eq(total);
  const setVat = (i: number, patch: Partial<VatRow>) => {
    const vat = form.vat.map((r, j) => {
      if (j !== i) return r;
      const next = { ...r, ...patch };
      // Suggest the IVA from the net while the person has not typed one of their own.
      if (discriminates && ("net" in patch || "rate" in patch) && (r.vat === "" || r.vat === suggest(r))) next.vat = suggest(next);
      return next;
    });
    setForm({ ...form, vat });
  };
  const setPerc = (i: number, patch: Partial<PerceptionRow>) => setForm({ ...form, perceptions: form.perceptions.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Comprobante del proveedor</legend>
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label="Tipo" error={errors.cbteTipo}>
          <Select value={form.cbteTipo} onChange={(e) => setForm({ ...form, cbteTipo: e.target.value })}>
            {Object.entries(SUPPLIER_DOC_TYPES).map(([code, t]) => (
              <option key={code} value={code}>{t.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="Punto de venta" error={errors.pointOfSale}>
          <Input inputMode="numeric" required value={form.pointOfSale} onChange={(e) => setForm({ ...form, pointOfSale: e.target.value.replace(/\D/g, "").slice(0, 5) })} />
        </Field>
        <Field label="Número" error={errors.number}>
          <Input inputMode="numeric" required value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value.replace(/\D/g, "").slice(0, 8) })} />
        </Field>
        <Field label="Fecha del comprobante" error={errors.issueDate}>
          <Input type="date" required value={form.issueDate} onChange={(e) => setForm({ ...form, issueDate: e.target.value })} />
        </Field>
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">{discriminates ? "Neto gravado e IVA por alícuota" : "Importe (IVA incluido: este comprobante no lo discrimina)"}</p>
        {form.vat.map((r, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Select aria-label={`Alícuota ${i + 1}`} value={r.rate} onChange={(e) => setVat(i, { rate: e.target.value as VatRate })}>
              {Object.keys(VAT_RATES).map((rate) => (
                <option key={rate} value={rate}>{formatPercent(rate)}</option>
              ))}
            </Select>
            <NumberInput kind="money" label="Neto" aria-label={`Neto al ${formatPercent(r.rate)}`} placeholder="Neto" value={r.net} onValueChange={(net) => setVat(i, { net })} />
            {discriminates ? (
              <NumberInput kind="money" label="IVA" aria-label={`IVA al ${formatPercent(r.rate)}`} placeholder="IVA" value={r.vat} onValueChange={(vat) => setVat(i, { vat })} />
            ) : <span />}
            <Button type="button" variant="ghost" onClick={() => setForm({ ...form, vat: form.vat.filter((_, j) => j !== i) })} aria-label={`Quitar la alícuota ${i + 1}`}>Quitar</Button>
          </div>
        ))}
        {form.vat.length < 6 ? (
          <Button type="button" variant="secondary" onClick={() => setForm({ ...form, vat: [...form.vat, { rate: "10.5", net: "", vat: "" }] })}>Agregar alícuota</Button>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Exento" error={errors.exempt}>
          <NumberInput kind="money" label="Exento" value={form.exempt} onValueChange={(exempt) => setForm({ ...form, exempt })} />
        </Field>
        <Field label="No gravado" error={errors.nonTaxed}>
          <NumberInput kind="money" label="No gravado" value={form.nonTaxed} onValueChange={(nonTaxed) => setForm({ ...form, nonTaxed })} />
        </Field>
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">Percepciones y otros tributos</p>
        {form.perceptions.map((p, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Select aria-label={`Tipo de percepción ${i + 1}`} value={p.kind} onChange={(e) => setPerc(i, { kind: e.target.value as PerceptionKind })}>
              {Object.entries(PERCEPTION_KINDS).map(([k, label]) => (
                <option key={k} value={k}>{label}</option>
              ))}
            </Select>
            <Input aria-label={`Jurisdicción de la percepción ${i + 1}`} placeholder="Jurisdicción (IIBB)" maxLength={60} value={p.jurisdiction} onChange={(e) => setPerc(i, { jurisdiction: e.target.value })} />
            <NumberInput kind="money" label="Importe" aria-label={`Importe de la percepción ${i + 1}`} placeholder="Importe" value={p.amount} onValueChange={(amount) => setPerc(i, { amount })} />
            <Button type="button" variant="ghost" onClick={() => setForm({ ...form, perceptions: form.perceptions.filter((_, j) => j !== i) })} aria-label={`Quitar la percepción ${i + 1}`}>Quitar</Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setForm({ ...form, perceptions: [...form.perceptions, { kind: "IIBB", jurisdiction: "", amount: "" }] })}>Agregar percepción</Button>
      </div>
      <Field
        label="Total del comprobante"
        error={errors.total}
        hint={sum ? `Suma de los importes: ${formatMoney(sum)}` : "Revisá los importes: alguno no se entiende (usá 1.234,56)."}
      >
        <NumberInput kind="money" label="Total" required value={form.total} onValueChange={(total) => setForm({ ...form, total })} invalid={!!mismatch} />
      </Field>
      {mismatch ? <p role="status" className="text-sm text-amber-800">La suma ({formatMoney(sum!)}) no coincide con el total ({formatMoney(total!)}).</p> : null}
    </fieldset>
  );
}

function suggest(r: VatRow): string {
  const net = read(r.net);
  if (!net || r.net.trim() === "") return "";
  return toInputText(net.times(r.rate).div(100).toDecimalPlaces(2), 2);
}
