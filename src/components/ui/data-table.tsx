"use client";
import { plural } from "@/lib/plural";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { TableFrame } from "./table-frame";

/**
 * A table paginated and sorted on the server: the caller owns page/sort state, passes the
 * current page of rows and the total, and refetches when they change.
 */
// eslint-disable-next-line max-lines-per-function -- the generic table: sorting, paging, selection and responsive columns of one primitive
export function DataTable<T>({
  columns,
  data,
  total,
  page,
  pageSize,
  onPageChange,
  sorting,
  onSortingChange,
  loading,
  empty,
  rowKey,
}: {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  sorting?: SortingState;
  onSortingChange?: (s: SortingState) => void;
  loading?: boolean;
  empty?: ReactNode;
  rowKey?: (row: T) => string;
}) {
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    state: { sorting: sorting ?? [], pagination: { pageIndex: page, pageSize } },
    onSortingChange: (updater) => {
      if (!onSortingChange) return;
      onSortingChange(typeof updater === "function" ? updater(sorting ?? []) : updater);
    },
    getRowId: rowKey ? (row) => rowKey(row) : undefined,
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <TableFrame>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sortable = h.column.getCanSort() && onSortingChange;
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} scope="col" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-600">
                      {sortable ? (
                        <button className="inline-flex items-center gap-1 hover:text-slate-900" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden>{dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={`divide-y divide-slate-100 ${loading ? "opacity-60" : ""}`}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-3 py-2 text-slate-800">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {data.length === 0 && !loading ? <div className="p-8 text-center text-sm text-slate-600">{empty ?? "No hay resultados."}</div> : null}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-sm text-slate-600">
        <span>
          {plural(total, "resultado")}
        </span>
        <div className="flex items-center gap-2">
          <button className="rounded px-2 py-1 hover:bg-slate-100 disabled:opacity-40" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
            ‹ Anterior
          </button>
          <span>
            Página {page + 1} de {pages}
          </span>
          <button className="rounded px-2 py-1 hover:bg-slate-100 disabled:opacity-40" disabled={page + 1 >= pages} onClick={() => onPageChange(page + 1)}>
            Siguiente ›
          </button>
        </div>
      </div>
    </div>
  );
}
