"use client";
import { useMemo, useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Select } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { Table, num, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";

type Preview = RouterOutputs["purchasing"]["previewPriceList"];
const PAGE = 50;

function Diff({ pct }: { pct: string | null }) {
  if (pct === null) return <span className="text-slate-400">—</span>;
  const n = Number(pct);
  return <span className={n > 0 ? "text-red-700" : n < 0 ? "text-emerald-700" : "text-slate-500"}>{n > 0 ? `+${pct}` : pct} %</span>;
}

/** Supplier price list: upload a CSV, see every row error and the differences, then apply it in one go. */
export function PriceListPage() {
  const canWrite = useCan()("purchasing.write");
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [readProgress, setReadProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [page, setPage] = useState(0);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const previewM = trpc.purchasing.previewPriceList.useMutation({ onSuccess: (p) => (setPreview(p), setPage(0)) });
  const applyM = trpc.purchasing.applyPriceList.useMutation({ onSuccess: () => setConfirm(false) });

  const onFile = (file: File | undefined) => {
    setPreview(null);
    applyM.reset();
    if (!file) return;
    setFileName(file.name);
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setReadProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => {
      setReadProgress(100);
      setCsv(String(reader.result ?? ""));
    };
    reader.onerror = () => setReadProgress(null);
    reader.readAsText(file, "utf-8");
  };

  const rows = useMemo(() => {
    const all = preview?.rows ?? [];
    return onlyChanges ? all.filter((r) => !r.productId || (r.costDiffPct ?? "0.0") !== "0.0" || (r.salePriceDiffPct ?? "0.0") !== "0.0") : all;
  }, [preview, onlyChanges]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const step = applyM.isSuccess ? 4 : preview ? 3 : previewM.isPending ? 2 : csv ? 1 : 0;

  if (!canWrite) return <Alert kind="info">Tu rol no permite importar listas de precios.</Alert>;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Lista de precios del proveedor"
        description="CSV con columnas codigo_barras, nombre, precio, unidades_por_bulto y opcional precio_venta (separador , o ;). Se actualiza por código de barras; los códigos nuevos crean productos."
      />
      <ol className="flex flex-wrap gap-2 text-xs" aria-label="Progreso">
        {["Elegir archivo", "Archivo leído", "Validando", "Vista previa", "Aplicada"].map((label, i) => (
          <li key={label} className={`rounded-full px-3 py-1 ${i <= step ? "bg-teal-700 text-white" : "bg-slate-100 text-slate-600"}`}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Proveedor">
          <Select value={supplierId} onChange={(e) => (setSupplierId(e.target.value), setPreview(null))}>
            <option value="">Elegí un proveedor…</option>
            {(suppliers.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Archivo CSV" hint={fileName ? `${fileName}${readProgress !== null ? ` · leído ${readProgress} %` : ""}` : undefined}>
          <input type="file" accept=".csv,text/csv,text/plain" aria-label="Archivo CSV" className="block w-full text-sm" onChange={(e) => onFile(e.target.files?.[0])} />
        </Field>
      </div>
      {readProgress !== null && readProgress < 100 ? (
        <div className="h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={readProgress} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-teal-600" style={{ width: `${readProgress}%` }} />
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button disabled={!supplierId || !csv} busy={previewM.isPending} onClick={() => csv && previewM.mutate({ supplierId, csv })}>
          {previewM.isPending ? "Validando…" : "Validar y ver cambios"}
        </Button>
      </div>
      {previewM.error ? <Alert>{errorMessage(previewM.error)}</Alert> : null}
      {applyM.isSuccess ? (
        <Alert kind="success">
          Lista aplicada: {applyM.data.updated.toLocaleString("es-AR")} productos actualizados y {applyM.data.created.toLocaleString("es-AR")} creados.
        </Alert>
      ) : null}
      {applyM.error ? <Alert>{errorMessage(applyM.error)}</Alert> : null}
      {preview ? (
        <>
          <div className="grid gap-3 sm:grid-cols-4">
            <Card title="Filas">{preview.total.toLocaleString("es-AR")}</Card>
            <Card title="Con errores">
              <span className={preview.errors.length ? "font-semibold text-red-700" : ""}>{new Set(preview.errors.map((e) => e.row)).size.toLocaleString("es-AR")}</span>
            </Card>
            <Card title="Se actualizan">{preview.updatedProducts.toLocaleString("es-AR")}</Card>
            <Card title="Productos nuevos">{preview.newProducts.toLocaleString("es-AR")}</Card>
          </div>
          {preview.errors.length ? (
            <Card title="Errores (corregí el archivo y volvé a subirlo)">
              <ul className="max-h-64 space-y-1 overflow-y-auto text-sm" aria-label="Errores por fila">
                {preview.errors.slice(0, 500).map((e, i) => (
                  <li key={i}>
                    <span className="font-medium">Fila {e.row}</span> · {e.field}: {e.message}
                  </li>
                ))}
                {preview.errors.length > 500 ? <li>… y {preview.errors.length - 500} más.</li> : null}
              </ul>
            </Card>
          ) : null}
          <div className="flex items-center justify-between">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={onlyChanges} onChange={(e) => (setOnlyChanges(e.target.checked), setPage(0))} /> Solo cambios y productos nuevos
            </label>
            <Button disabled={preview.errors.length > 0 || preview.valid === 0 || applyM.isSuccess} onClick={() => setConfirm(true)}>
              Aplicar lista
            </Button>
          </div>
          <Table
            head={
              <tr>
                <th className={th}>Fila</th>
                <th className={th}>Código</th>
                <th className={th}>Nombre</th>
                <th className={`${th} text-right`}>Costo actual</th>
                <th className={`${th} text-right`}>Costo nuevo</th>
                <th className={`${th} text-right`}>Dif.</th>
                <th className={`${th} text-right`}>Precio venta actual</th>
                <th className={`${th} text-right`}>Precio venta nuevo</th>
                <th className={`${th} text-right`}>Dif.</th>
              </tr>
            }
            empty={rows.length === 0 ? "No hay filas para mostrar." : undefined}
          >
            {rows.slice(page * PAGE, page * PAGE + PAGE).map((r) => (
              <tr key={r.row}>
                <td className={td}>{r.row}</td>
                <td className={td}>{r.barcode}</td>
                <td className={td}>
                  {r.currentName ?? r.name} {r.productId ? null : <span className="ml-1 rounded bg-sky-100 px-1.5 text-xs text-sky-800">nuevo</span>}
                </td>
                <td className={num}>{r.currentCost ? formatMoney(r.currentCost) : "—"}</td>
                <td className={num}>{formatMoney(r.newCost)}</td>
                <td className={num}>
                  <Diff pct={r.costDiffPct} />
                </td>
                <td className={num}>{r.currentSalePrice ? formatMoney(r.currentSalePrice) : "—"}</td>
                <td className={num}>{r.salePrice ? formatMoney(r.salePrice) : "sin cambio"}</td>
                <td className={num}>
                  <Diff pct={r.salePriceDiffPct} />
                </td>
              </tr>
            ))}
          </Table>
          <div className="flex items-center justify-end gap-2 text-sm">
            <Button variant="ghost" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
              ‹ Anterior
            </Button>
            <span>
              Página {page + 1} de {pages}
            </span>
            <Button variant="ghost" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
              Siguiente ›
            </Button>
          </div>
        </>
      ) : null}
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="¿Aplicar la lista de precios?"
        description={preview ? `Se actualizan ${preview.updatedProducts} productos y se crean ${preview.newProducts}. Todo o nada: si algo falla no cambia ninguno.` : ""}
        confirmLabel={applyM.isPending ? "Aplicando…" : "Aplicar"}
        busy={applyM.isPending}
        onConfirm={() => csv && applyM.mutate({ supplierId, csv })}
      />
    </div>
  );
}
