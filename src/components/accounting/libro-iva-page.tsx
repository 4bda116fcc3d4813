"use client";
import { useState } from "react";
import { trpc } from "@/lib/trpc/react";
import { Alert, Field, Input } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { td, th, thisMonth } from "./common";
import { TableFrame } from "@/components/ui/table-frame";
import { plural } from "@/lib/plural";

const FILES = [
  { file: "VENTAS_CBTE", label: "Ventas: comprobantes" },
  { file: "VENTAS_ALICUOTAS", label: "Ventas: alícuotas" },
  { file: "COMPRAS_CBTE", label: "Compras: comprobantes" },
  { file: "COMPRAS_ALICUOTAS", label: "Compras: alícuotas" },
] as const;

/** Month → pre-check (what ARCA would reject) → the four import files. */
export function LibroIvaPage({ slug }: { slug: string }) {
  const [month, setMonth] = useState(thisMonth().month);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const check = trpc.accounting.libroIvaPrecheck.useQuery({ month }, { enabled: valid });
  const c = check.data;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Libro IVA Digital"
        description="Los archivos de ventas y compras del mes con el diseño de registro de ARCA (ex AFIP), para importar en el Portal IVA."
      />
      <Card>
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Mes">
            <Input type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />
          </Field>
        </div>
        {check.isLoading ? <div role="status" className="mt-4 h-20 animate-pulse rounded bg-slate-100" aria-label="Revisando el mes" /> : null}
        {check.error ? <div className="mt-4"><Alert>{check.error.message}</Alert></div> : null}
        {c ? (
          <div className="mt-4 space-y-4" aria-live="polite">
            <p className="text-sm text-slate-700">
              {plural(c.sales, "comprobante emitido", "comprobantes emitidos")} y {plural(c.purchases, "comprobante de proveedores", "comprobantes de proveedores")} en el mes.
            </p>
            {c.emitterMissing ? <Alert kind="warning">Cargá los datos fiscales del negocio (CUIT y condición frente al IVA) para generar el libro de ventas.</Alert> : null}
            {c.issues.length ? (
              <div>
                <Alert kind="warning">
                  {c.issues.length === 1 ? "Un comprobante sería rechazado" : `${c.issues.length} problemas harían rechazar comprobantes`} por ARCA: corregilos antes de importar.
                </Alert>
                <TableFrame className="mt-3">
                  <table className="min-w-full text-sm">
                    <thead className="bg-slate-50">
                      <tr><th className={th} scope="col">Libro</th><th className={th} scope="col">Comprobante</th><th className={th} scope="col">Problema</th></tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {c.issues.map((i, n) => (
                        <tr key={`${i.documentId}-${n}`}><td className={td}>{i.book === "VENTAS" ? "Ventas" : "Compras"}</td><td className={td}>{i.document}</td><td className={td}>{i.problem}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </TableFrame>
              </div>
            ) : (
              <Alert kind="success">Sin problemas: los archivos están listos para importar.</Alert>
            )}
            <ul className="grid gap-2 sm:grid-cols-2">
              {FILES.map((f) => (
                <li key={f.file}>
                  <a
                    className="block rounded-md border border-slate-300 px-4 py-3 text-sm font-medium text-teal-900 hover:bg-slate-50"
                    href={`/api/contabilidad/${slug}/libro-iva?mes=${month}&archivo=${f.file}`}
                    download
                  >
                    Descargar {f.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
