"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { PageHeader, Card } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EMITTER_IVA_CONDITIONS, EMITTER_IVA_LABEL, type EmitterIvaCondition } from "@/lib/afip-codes";
import { isValidCuit, formatCuit } from "@/lib/cuit";
import { ENV_LABEL } from "./labels";
import { formatNumber, parseEsAr, toInputText, toWire, typedToWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { CredentialsCard } from "./credentials-card";
import { PointsOfSaleCard } from "./points-of-sale-card";

type Env = "HOMOLOGATION" | "PRODUCTION" | "FAKE";
const EMPTY = {
  cuit: "",
  legalName: "",
  ivaCondition: "RESPONSABLE_INSCRIPTO" as EmitterIvaCondition,
  activityStartDate: "",
  grossIncomeNumber: "",
  address: "",
  environment: "HOMOLOGATION" as Env,
  anonymousConsumerLimit: "",
  contingencyAfterMinutes: "15",
  caeaMaxSharePercent: "10",
};

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function FiscalSettingsPage({ slug, allowFake }: { slug: string; allowFake: boolean }) {
  const utils = trpc.useUtils();
  const q = trpc.fiscal.settings.useQuery();
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = q.data?.settings;
    if (s)
      setForm({
        cuit: formatCuit(s.cuit),
        legalName: s.legalName,
        ivaCondition: s.ivaCondition,
        activityStartDate: s.activityStartDate ?? "",
        grossIncomeNumber: s.grossIncomeNumber ?? "",
        address: s.address ?? "",
        environment: s.environment,
        anonymousConsumerLimit: toInputText(s.anonymousConsumerLimit, 2),
        contingencyAfterMinutes: String(s.contingencyAfterMinutes),
        caeaMaxSharePercent: formatNumber(s.caeaMaxSharePercent, { maxDecimals: 2 }),
      });
  }, [q.data]);
  const save = trpc.fiscal.saveSettings.useMutation({
    onSuccess: async () => {
      setSaved(true);
      await utils.fiscal.settings.invalidate();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  const cuitLocalError = form.cuit && !isValidCuit(form.cuit) ? "CUIT inválido (revisá el dígito verificador)" : undefined;
  const s = q.data?.settings;
  const minutes = parseEsAr(form.contingencyAfterMinutes, { label: "Minutos", maxScale: 0, maxIntegerDigits: 4 });
  const share = parseEsAr(form.caeaMaxSharePercent, { label: "Límite", maxScale: 2, maxIntegerDigits: 3 });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Configuración fiscal"
        description="Datos del emisor ante ARCA (ex AFIP), certificado para el web service, puntos de venta y contingencia."
        actions={
          <Link href={`/${slug}/fiscal`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            Ver comprobantes
          </Link>
        }
      />
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      <Card title="Datos del emisor">
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            save.mutate({
              ...form,
              activityStartDate: form.activityStartDate || null,
              grossIncomeNumber: form.grossIncomeNumber || null,
              address: form.address || null,
              anonymousConsumerLimit: form.anonymousConsumerLimit ? typedToWire(form.anonymousConsumerLimit) : undefined,
              contingencyAfterMinutes: minutes.ok ? minutes.value.toNumber() : undefined,
              caeaMaxSharePercent: share.ok ? toWire(share.value) : undefined,
            });
          }}
        >
          <Field label="CUIT" error={errs.cuit ?? cuitLocalError} hint="11 dígitos, con o sin guiones">
            <Input required inputMode="numeric" value={form.cuit} onChange={(e) => setForm({ ...form, cuit: e.target.value })} invalid={!!(errs.cuit ?? cuitLocalError)} />
          </Field>
          <Field label="Razón social" error={errs.legalName}>
            <Input required value={form.legalName} onChange={(e) => setForm({ ...form, legalName: e.target.value })} invalid={!!errs.legalName} />
          </Field>
          <Field label="Condición frente al IVA" error={errs.ivaCondition} hint="Responsable Inscripto emite A y B; Monotributo y Exento emiten C.">
            <Select value={form.ivaCondition} onChange={(e) => setForm({ ...form, ivaCondition: e.target.value as EmitterIvaCondition })}>
              {EMITTER_IVA_CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {EMITTER_IVA_LABEL[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Inicio de actividades" error={errs.activityStartDate}>
            <Input type="date" value={form.activityStartDate} onChange={(e) => setForm({ ...form, activityStartDate: e.target.value })} />
          </Field>
          <Field label="Ingresos brutos (opcional)" error={errs.grossIncomeNumber}>
            <Input value={form.grossIncomeNumber} onChange={(e) => setForm({ ...form, grossIncomeNumber: e.target.value })} />
          </Field>
          <Field label="Domicilio comercial (opcional)" error={errs.address}>
            <Input value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
          </Field>
          <Field label="Entorno de ARCA (ex AFIP)" error={errs.environment} hint="Probá primero en homologación con un certificado de pruebas.">
            <Select value={form.environment} onChange={(e) => setForm({ ...form, environment: e.target.value as Env })}>
              <option value="HOMOLOGATION">{ENV_LABEL.HOMOLOGATION}</option>
              <option value="PRODUCTION">{ENV_LABEL.PRODUCTION}</option>
              {allowFake || form.environment === "FAKE" ? <option value="FAKE">{ENV_LABEL.FAKE}</option> : null}
            </Select>
          </Field>
          <Field label="Tope para consumidor final sin identificar ($)" error={errs.anonymousConsumerLimit} hint="Desde este total hay que pedir DNI/CUIT (lo fija ARCA).">
            <NumberInput kind="money" label="Tope" value={form.anonymousConsumerLimit} onValueChange={(anonymousConsumerLimit) => setForm((f) => ({ ...f, anonymousConsumerLimit }))} placeholder="10.000.000" />
          </Field>
          <Field label="Minutos sin ARCA antes de pasar a contingencia (CAEA)" error={errs.contingencyAfterMinutes} hint="Si la emisión de CAE falla por disponibilidad durante este tiempo, la caja numera por CAEA.">
            <NumberInput kind="integer" label="Minutos" value={form.contingencyAfterMinutes} onValueChange={(contingencyAfterMinutes) => setForm((f) => ({ ...f, contingencyAfterMinutes }))} />
          </Field>
          <Field label="Límite de comprobantes por CAEA en la quincena (%)" error={errs.caeaMaxSharePercent} hint="Se avisa al llegar al 80 % de este límite.">
            <NumberInput kind="percent" label="Límite" value={form.caeaMaxSharePercent} onValueChange={(caeaMaxSharePercent) => setForm((f) => ({ ...f, caeaMaxSharePercent }))} />
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" busy={save.isPending} disabled={!!cuitLocalError || !minutes.ok || !share.ok}>
              Guardar datos
            </Button>
            {saved ? <span className="text-sm text-emerald-700">Guardado.</span> : null}
          </div>
          {save.error && !Object.keys(errs).length ? (
            <div className="sm:col-span-2">
              <Alert>{errorMessage(save.error)}</Alert>
            </div>
          ) : null}
        </form>
      </Card>

      <CredentialsCard disabled={!s} cuit={s?.cuit ?? null} info={s ? { hasPrivateKey: s.hasPrivateKey, certificate: s.certificate, pendingCsr: s.pendingCsr } : null} />
      <ConnectionCard disabled={!s} />
      <PointsOfSaleCard disabled={!s} points={q.data?.pointsOfSale ?? []} />
    </div>
  );
}

function ConnectionCard({ disabled }: { disabled: boolean }) {
  const check = trpc.fiscal.checkConnection.useMutation();
  const r = check.data;
  return (
    <Card title="Conexión con ARCA (ex AFIP)">
      <p className="mb-3 text-sm text-slate-600">Comprueba que el servicio de factura electrónica responde (FEDummy) y que ARCA acepta el certificado (inicio de sesión en WSAA).</p>
      <Button variant="secondary" disabled={disabled} busy={check.isPending} onClick={() => check.mutate()}>
        Probar conexión
      </Button>
      {check.error ? (
        <div className="mt-3">
          <Alert>{errorMessage(check.error)}</Alert>
        </div>
      ) : null}
      {r ? (
        <ul className="mt-3 space-y-2" aria-label="Resultado de la prueba">
          <li>
            <Alert kind={r.wsfe.ok ? "success" : "error"}>
              <strong>Factura electrónica (WSFEv1):</strong> {r.wsfe.ok ? "responde" : "no responde"} — {r.wsfe.detail}
            </Alert>
          </li>
          <li>
            <Alert kind={r.wsaa.ok ? "success" : "error"}>
              <strong>Autenticación (WSAA):</strong> {r.wsaa.detail}
            </Alert>
          </li>
        </ul>
      ) : null}
    </Card>
  );
}
