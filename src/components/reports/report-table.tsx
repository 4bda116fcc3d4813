"use client";
import type { ReactNode } from "react";
import { download, toCsv, toXlsx, type ExportColumn } from "@/lib/report-export";
import { Button } from "@/components/ui/button";
import { int, money, pct, qty } from "./format";
import { TableFrame } from "@/components/ui/table-frame";

export type Column<T> = ExportColumn & { key: string; value: (r: T) => string | number | null; className?: string };

const show = (kind: ExportColumn["kind"], v: string | number | null): ReactNode => {
  if (v === null || v === undefined) return "—";
  switch (kind) {
    case "money":
      return money(String(v));
    case "qty":
      return qty(String(v));
    case "int":
      return int(Number(v));
    case "pct":
      return pct(String(v));
    default:
      return String(v);
  }
};

/** Export (CSV, Excel) and print buttons for the rows on screen. */
export function ExportButtons<T>({ filename, columns, rows, totals }: { filename: string; columns: Column<T>[]; rows: T[]; totals?: (string | number | null)[] }) {
  const values = () => {
    const out = rows.map((r) => columns.map((c) => c.value(r)));
    if (totals) out.push(totals);
    return out;
  };
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <Button variant="secondary" type="button" disabled={rows.length === 0} onClick={() => download(`${filename}.csv`, toCsv(columns, values()), "text/csv;charset=utf-8")}>
        Exportar CSV
      </Button>
      <Button
        variant="secondary"
        type="button"
        disabled={rows.length === 0}
        onClick={() => download(`${filename}.xlsx`, toXlsx(filename.slice(0, 31), columns, values()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
      >
        Exportar Excel
      </Button>
      <Button variant="secondary" type="button" onClick={() => window.print()}>
        Imprimir
      </Button>
    </div>
  );
}

/** A report table with a totals row; scrolls inside its box on a phone, never the page. */
export function ReportTable<T>({ label, columns, rows, rowKey, totals }: { label: string; columns: Column<T>[]; rows: T[]; rowKey: (r: T) => string; totals?: (string | number | null)[] }) {
  return (
    <TableFrame className="max-w-full  rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${c.kind === "text" ? "" : "text-right"}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-t border-slate-100">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className="px-3 py-2 text-left font-normal">
                    {show(c.kind, c.value(r))}
                  </th>
                ) : (
                  <td key={c.key} className={`whitespace-nowrap px-3 py-2 tabular-nums ${c.kind === "text" ? "" : "text-right"} ${c.className ?? ""}`}>
                    {show(c.kind, c.value(r))}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr className="border-t-2 border-slate-200 font-semibold">
              {columns.map((c, i) => (
                <td key={c.key} className={`whitespace-nowrap px-3 py-2 tabular-nums ${c.kind === "text" ? "" : "text-right"}`}>
                  {i === 0 ? "Total" : show(c.kind, totals[i] ?? null)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableFrame>
  );
}

export function TableSkeleton() {
  return (
    <div role="status" className="space-y-2" aria-busy="true" aria-label="Cargando">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-slate-200/70" />
      ))}
    </div>
  );
}
