"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { PageHeader, Card } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import { EMITTER_IVA_CONDITIONS, EMITTER_IVA_LABEL, type EmitterIvaCondition } from "@/lib/afip-codes";
import { isValidCuit, formatCuit } from "@/lib/cuit";
import { ENV_LABEL } from "./labels";

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
};

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
        anonymousConsumerLimit: s.anonymousConsumerLimit,
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

  return (
    <div className="space-y-6">
      <PageHeader
        title="Configuración fiscal"
        description="Datos del emisor ante AFIP, certificado para el web service y puntos de venta."
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
              anonymousConsumerLimit: form.anonymousConsumerLimit || undefined,
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
          <Field label="Entorno de AFIP" error={errs.environment} hint="Probá primero en homologación con un certificado de pruebas.">
            <Select value={form.environment} onChange={(e) => setForm({ ...form, environment: e.target.value as Env })}>
              <option value="HOMOLOGATION">{ENV_LABEL.HOMOLOGATION}</option>
              <option value="PRODUCTION">{ENV_LABEL.PRODUCTION}</option>
              {allowFake || form.environment === "FAKE" ? <option value="FAKE">{ENV_LABEL.FAKE}</option> : null}
            </Select>
          </Field>
          <Field label="Tope para consumidor final sin identificar ($)" error={errs.anonymousConsumerLimit} hint="Desde este total hay que pedir DNI/CUIT (lo fija AFIP).">
            <Input inputMode="decimal" value={form.anonymousConsumerLimit} onChange={(e) => setForm({ ...form, anonymousConsumerLimit: e.target.value })} placeholder="10000000.00" />
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" busy={save.isPending} disabled={!!cuitLocalError}>
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

      <CredentialsCard disabled={!s} info={s ? { hasPrivateKey: s.hasPrivateKey, certificate: s.certificate } : null} />
      <ConnectionCard disabled={!s} />
      <PointsOfSaleCard disabled={!s} points={q.data?.pointsOfSale ?? []} />
    </div>
  );
}

function readFile(file: File): Promise<string> {
  return file.text();
}

function CredentialsCard({
  disabled,
  info,
}: {
  disabled: boolean;
  info: { hasPrivateKey: boolean; certificate: { subject: string; cuit: string | null; notAfter: string } | null } | null;
}) {
  const utils = trpc.useUtils();
  const [cert, setCert] = useState("");
  const [key, setKey] = useState("");
  const upload = trpc.fiscal.uploadCredentials.useMutation({
    onSuccess: async () => {
      setCert("");
      setKey("");
      await utils.fiscal.settings.invalidate();
    },
  });
  return (
    <Card title="Certificado y clave privada (WSAA)">
      {info?.certificate ? (
        <div className="mb-3">
          <Alert kind="success">
            Certificado cargado: {info.certificate.subject}. Vence el {formatDate(info.certificate.notAfter)}.{" "}
            {info.hasPrivateKey ? "Clave privada guardada cifrada (no se vuelve a mostrar)." : ""}
          </Alert>
        </div>
      ) : (
        <p className="mb-3 text-sm text-slate-600">Generá el certificado en AFIP (Administración de Certificados Digitales) y subilo junto con su clave privada.</p>
      )}
      {disabled ? <p className="text-sm text-slate-500">Primero guardá los datos del emisor.</p> : null}
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate({ certificatePem: cert, privateKeyPem: key });
        }}
      >
        <Field label="Certificado (.crt / .pem)" hint={cert ? "Archivo leído" : undefined}>
          <Input type="file" accept=".crt,.pem,.cer" disabled={disabled} onChange={async (e) => e.target.files?.[0] && setCert(await readFile(e.target.files[0]))} />
        </Field>
        <Field label="Clave privada (.key)" hint={key ? "Archivo leído (se guarda cifrada)" : undefined}>
          <Input type="file" accept=".key,.pem" disabled={disabled} onChange={async (e) => e.target.files?.[0] && setKey(await readFile(e.target.files[0]))} />
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={disabled || !cert || !key} busy={upload.isPending}>
            Subir certificado
          </Button>
        </div>
        {upload.error ? (
          <div className="sm:col-span-2">
            <Alert>{errorMessage(upload.error)}</Alert>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function PointsOfSaleCard({ disabled, points }: { disabled: boolean; points: { id: string; number: number; name: string; active: boolean }[] }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ number: "", name: "" });
  const save = trpc.fiscal.savePointOfSale.useMutation({
    onSuccess: async () => {
      setForm({ number: "", name: "" });
      await utils.fiscal.settings.invalidate();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  return (
    <Card title="Puntos de venta">
      <p className="mb-3 text-sm text-slate-600">Los puntos de venta habilitados en AFIP para factura electrónica por web service. Cada caja emite con el número de punto de venta que tiene asignado.</p>
      {points.length ? (
        <ul className="mb-4 divide-y divide-slate-100 rounded border border-slate-200">
          {points.map((p) => (
            <li key={p.id} className="flex items-center justify-between px-3 py-2 text-sm">
              <span>
                <span className="font-mono">{String(p.number).padStart(4, "0")}</span> · {p.name}
              </span>
              <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => save.mutate({ number: p.number, name: p.name, active: !p.active })}>
                {p.active ? "Activo · desactivar" : "Inactivo · activar"}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-500">Sin puntos de venta cargados.</p>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ number: Number(form.number), name: form.name });
        }}
      >
        <Field label="Número" error={errs.number}>
          <Input required inputMode="numeric" className="w-28" value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} disabled={disabled} />
        </Field>
        <Field label="Nombre" error={errs.name}>
          <Input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} disabled={disabled} />
        </Field>
        <Button type="submit" disabled={disabled} busy={save.isPending}>
          Agregar
        </Button>
      </form>
      {save.error && !Object.keys(errs).length ? <Alert>{errorMessage(save.error)}</Alert> : null}
    </Card>
  );
}

function ConnectionCard({ disabled }: { disabled: boolean }) {
  const check = trpc.fiscal.checkConnection.useMutation();
  const r = check.data;
  return (
    <Card title="Conexión con AFIP">
      <p className="mb-3 text-sm text-slate-600">Comprueba que el servicio de factura electrónica responde y que AFIP acepta el certificado.</p>
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
