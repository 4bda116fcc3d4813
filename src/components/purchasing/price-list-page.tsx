"use client";
import { useMemo, useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Select } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { formatPercent } from "@/lib/number";
import { Decimal } from "@/lib/decimal";
import { MAX_PRICE_LIST_FILE_BYTES, readPriceListFile, type PriceListFileFormat } from "@/lib/purchasing/price-list-file";
import { Table, num, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";

type Preview = RouterOutputs["purchasing"]["previewPriceList"];
const PAGE = 50;

const FORMAT_LABEL: Record<PriceListFileFormat, string> = { "csv-utf8": "CSV", "csv-windows-1252": "CSV (Windows-1252, como lo guarda Excel)", xlsx: "Excel (.xlsx), primera hoja" };

function Diff({ pct }: { pct: string | null }) {
  if (pct === null) return <span className="text-slate-400">—</span>;
  const d = new Decimal(pct);
  return <span className={d.gt(0) ? "text-red-700" : d.lt(0) ? "text-emerald-700" : "text-slate-500"}>{d.gt(0) ? "+" : ""}{formatPercent(d, 1)}</span>;
}

/**
 * Supplier price list: upload a CSV (UTF-8 or Windows-1252) or an .xlsx, see every rejected row
 * and the differences, then apply it in one go, or apply only the valid rows (an explicit choice).
 */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function PriceListPage() {
  const canWrite = useCan()("purchasing.write");
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [format, setFormat] = useState<PriceListFileFormat | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [page, setPage] = useState(0);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [confirm, setConfirm] = useState<null | "all" | "valid">(null);
  const previewM = trpc.purchasing.previewPriceList.useMutation({ onSuccess: (p) => (setPreview(p), setPage(0)) });
  const applyM = trpc.purchasing.applyPriceList.useMutation({ onSuccess: () => setConfirm(null) });

  const onFile = async (file: File | undefined) => {
    setPreview(null);
    setCsv(null);
    setFormat(null);
    setFileError(null);
    applyM.reset();
    if (!file) return;
    setFileName(file.name);
    // Refused before reading it: the server takes at most 8 MB of text per request.
    if (file.size > MAX_PRICE_LIST_FILE_BYTES) {
      setFileError(`El archivo pesa más de ${MAX_PRICE_LIST_FILE_BYTES / 1024 / 1024} MB: dividilo en partes.`);
      return;
    }
    setReading(true);
    try {
      const r = await readPriceListFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (r.ok) {
        setCsv(r.csv);
        setFormat(r.format);
      } else setFileError(r.message);
    } catch {
      setFileError("No se pudo leer el archivo.");
    } finally {
      setReading(false);
    }
  };
  const rejectedRows = preview ? new Set(preview.errors.map((e) => e.row)).size : 0;

  const rows = useMemo(() => {
    const all = preview?.rows ?? [];
    return onlyChanges ? all.filter((r) => !r.productId || (r.costDiffPct ?? "0.0") !== "0.0" || (r.salePriceDiffPct ?? "0.0") !== "0.0") : all;
  }, [preview, onlyChanges]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const step = applyM.isSuccess ? 4 : preview ? 3 : previewM.isPending ? 2 : csv !== null ? 1 : 0;

  if (!canWrite) return <Alert kind="info">Tu rol no permite importar listas de precios.</Alert>;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Lista de precios del proveedor"
        description="CSV o Excel (.xlsx) con columnas codigo_barras, nombre, precio, unidades_por_bulto y opcional precio_venta. Los números se leen como en Argentina: 1.100 es mil cien y 1.234,56 lleva coma decimal. Se actualiza por código de barras; los códigos nuevos crean productos."
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
        <Field
          label="Archivo (CSV o Excel)"
          error={fileError ?? undefined}
          hint={reading ? `Leyendo ${fileName}…` : format ? `${fileName} · ${FORMAT_LABEL[format]}` : `Hasta ${MAX_PRICE_LIST_FILE_BYTES / 1024 / 1024} MB.`}
        >
          <input
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block w-full text-sm"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button disabled={!supplierId || csv === null} busy={previewM.isPending || reading} onClick={() => csv !== null && previewM.mutate({ supplierId, csv })}>
          {previewM.isPending ? "Validando…" : "Validar y ver cambios"}
        </Button>
      </div>
      {previewM.error ? <Alert>{errorMessage(previewM.error)}</Alert> : null}
      {applyM.isSuccess ? (
        <Alert kind="success">
          Lista aplicada: {applyM.data.updated.toLocaleString("es-AR")} productos actualizados y {applyM.data.created.toLocaleString("es-AR")} creados.
          {applyM.data.rejectedRows
            ? ` Quedaron afuera ${applyM.data.rejectedRows.toLocaleString("es-AR")} ${applyM.data.rejectedRows === 1 ? "fila rechazada" : "filas rechazadas"} (listadas abajo).`
            : ""}
        </Alert>
      ) : null}
      {applyM.error ? <Alert>{errorMessage(applyM.error)}</Alert> : null}
      {preview ? (
        <>
          <div className="grid gap-3 sm:grid-cols-4">
            <Card title="Filas">{preview.total.toLocaleString("es-AR")}</Card>
            <Card title="Rechazadas">
              <span className={rejectedRows ? "font-semibold text-red-700" : ""}>{rejectedRows.toLocaleString("es-AR")}</span>
            </Card>
            <Card title="Se actualizan">{preview.updatedProducts.toLocaleString("es-AR")}</Card>
            <Card title="Productos nuevos">{preview.newProducts.toLocaleString("es-AR")}</Card>
          </div>
          {preview.errors.length ? (
            <Card title="Filas rechazadas (corregí el archivo y volvé a subirlo, o aplicá solo las válidas)">
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
            {preview.errors.length === 0 ? (
              <Button disabled={preview.valid === 0 || applyM.isSuccess} onClick={() => setConfirm("all")}>
                Aplicar lista
              </Button>
            ) : (
              <Button disabled={preview.valid === 0 || applyM.isSuccess} onClick={() => setConfirm("valid")}>
                {preview.valid === 1 ? "Aplicar solo la fila válida" : `Aplicar solo las ${preview.valid.toLocaleString("es-AR")} filas válidas`}
              </Button>
            )}
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
        open={confirm !== null}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={confirm === "valid" ? "¿Aplicar solo las filas válidas?" : "¿Aplicar la lista de precios?"}
        description={
          preview
            ? `Se actualizan ${preview.updatedProducts.toLocaleString("es-AR")} productos y se crean ${preview.newProducts.toLocaleString("es-AR")}.` +
              (confirm === "valid" ? (rejectedRows === 1 ? " La fila rechazada no se aplica." : ` Las ${rejectedRows.toLocaleString("es-AR")} filas rechazadas no se aplican.`) : "") +
              " Todo o nada: si algo falla no cambia ninguno."
            : ""
        }
        confirmLabel={applyM.isPending ? "Aplicando…" : "Aplicar"}
        busy={applyM.isPending}
        onConfirm={() => csv !== null && applyM.mutate({ supplierId, csv, applyValidOnly: confirm === "valid" })}
      />
    </div>
  );
}
