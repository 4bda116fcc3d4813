"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Card } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input } from "@/components/ui/field";
import { formatDate, formatDateTime } from "@/lib/format";

type Info = {
  hasPrivateKey: boolean;
  certificate: { subject: string; cuit: string | null; notAfter: string; commonName?: string | null } | null;
  pendingCsr: { pem: string; createdAt: string | null } | null;
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/pkcs10" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const daysLeft = (iso: string) => Math.floor((new Date(iso).getTime() - Date.now()) / 86_400_000);

/**
 * Onboarding without openssl: 1) generate the key and the CSR here, 2) download the CSR and
 * paste it in ARCA's "Administración de certificados digitales", 3) upload the certificate
 * ARCA returns (checked against the key and the CUIT). Uploading an own key stays possible.
 */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function CredentialsCard({ disabled, cuit, info }: { disabled: boolean; cuit: string | null; info: Info | null }) {
  const utils = trpc.useUtils();
  const [alias, setAlias] = useState("mostrador");
  const [cert, setCert] = useState("");
  const [certName, setCertName] = useState("");
  const [key, setKey] = useState("");
  const [ownKey, setOwnKey] = useState(false);
  const gen = trpc.fiscal.generateCsr.useMutation({ onSuccess: () => utils.fiscal.settings.invalidate() });
  const upload = trpc.fiscal.uploadCredentials.useMutation({
    onSuccess: async () => {
      setCert("");
      setCertName("");
      setKey("");
      await utils.fiscal.settings.invalidate();
    },
  });
  const c = info?.certificate;
  const csr = info?.pendingCsr;
  return (
    <Card title="Certificado de ARCA (ex AFIP)">
      {c ? (
        <div className="mb-4">
          <Alert kind={daysLeft(c.notAfter) <= 30 ? "warning" : "success"}>
            Certificado cargado para el CUIT {c.cuit ?? "—"} ({c.commonName ?? c.subject}). Vence el {formatDate(c.notAfter)}
            {daysLeft(c.notAfter) <= 30 ? ` (en ${Math.max(daysLeft(c.notAfter), 0)} días: generá uno nuevo)` : ""}. La clave privada está guardada cifrada y no se muestra.
          </Alert>
        </div>
      ) : null}
      {disabled ? <p className="mb-3 text-sm text-slate-500">Primero guardá los datos del emisor (CUIT y razón social).</p> : null}

      <ol className="space-y-5 text-sm">
        <li>
          <h3 className="font-medium">1. Generar el pedido de certificado (CSR)</h3>
          <p className="mb-2 text-slate-600">Mostrador crea la clave privada (RSA 2048) y la guarda cifrada; no hace falta openssl.</p>
          <div className="flex flex-wrap items-end gap-3">
            <Field label="Nombre del certificado (alias)" hint="El mismo que vas a usar en ARCA">
              <Input value={alias} onChange={(e) => setAlias(e.target.value)} maxLength={40} disabled={disabled} className="w-56" />
            </Field>
            <Button type="button" variant="secondary" disabled={disabled} busy={gen.isPending} onClick={() => gen.mutate({ alias })}>
              {csr ? "Generar otro pedido" : "Generar clave y pedido"}
            </Button>
          </div>
          {gen.error ? <Alert>{errorMessage(gen.error)}</Alert> : null}
        </li>
        <li>
          <h3 className="font-medium">2. Descargar el pedido y cargarlo en ARCA</h3>
          {csr ? (
            <div className="space-y-2">
              <p className="text-slate-600">
                Pedido generado{csr.createdAt ? ` el ${formatDateTime(csr.createdAt)}` : ""}. En ARCA: Administración de certificados digitales → agregar alias → subir este archivo.
              </p>
              <Button type="button" variant="secondary" onClick={() => download(`mostrador-${cuit ?? "cuit"}.csr`, csr.pem)}>
                Descargar pedido (.csr)
              </Button>
            </div>
          ) : (
            <p className="text-slate-500">Todavía no hay un pedido pendiente: generalo en el paso 1.</p>
          )}
        </li>
        <li>
          <h3 className="font-medium">3. Subir el certificado que devuelve ARCA</h3>
          <form
            className="mt-2 grid gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              upload.mutate({ certificatePem: cert, ...(ownKey && key ? { privateKeyPem: key } : {}) });
            }}
          >
            <Field label="Certificado (.crt / .pem)" hint={certName ? `Leído: ${certName}` : undefined}>
              <Input
                type="file"
                accept=".crt,.pem,.cer"
                disabled={disabled}
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  if (f) {
                    setCert(await f.text());
                    setCertName(f.name);
                  }
                }}
              />
            </Field>
            <div className="flex items-center gap-2 self-center">
              <input id="own-key" type="checkbox" checked={ownKey} onChange={(e) => setOwnKey(e.target.checked)} disabled={disabled} />
              <label htmlFor="own-key" className="text-slate-700">
                Tengo mi propia clave privada (generada con openssl)
              </label>
            </div>
            {ownKey ? (
              <Field label="Clave privada (.key)" hint={key ? "Archivo leído (se guarda cifrada)" : undefined}>
                <Input type="file" accept=".key,.pem" disabled={disabled} onChange={async (e) => e.target.files?.[0] && setKey(await e.target.files[0].text())} />
              </Field>
            ) : null}
            <div className="sm:col-span-2">
              <Button type="submit" disabled={disabled || !cert || (ownKey && !key)} busy={upload.isPending}>
                Subir certificado
              </Button>
            </div>
            {upload.error ? (
              <div className="sm:col-span-2">
                <Alert>{errorMessage(upload.error)}</Alert>
              </div>
            ) : null}
            {upload.isSuccess ? (
              <div className="sm:col-span-2">
                <Alert kind="success">Certificado aceptado: corresponde a la clave y al CUIT. Vence el {formatDate(upload.data.notAfter)}.</Alert>
              </div>
            ) : null}
          </form>
        </li>
      </ol>
    </Card>
  );
}
