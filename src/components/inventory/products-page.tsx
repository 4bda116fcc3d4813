"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Input, Select } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney, formatQty } from "@/lib/format";
import { dec } from "@/lib/decimal";
import { InventoryTabs, useDebounced, useSlug } from "./common";
import { useCan } from "@/components/auth/permissions";
import { ProductDialog } from "./product-dialog";
import { StockDialogs, type StockAction } from "./stock-dialogs";
import { unitWord } from "@/lib/plural";
import { PRODUCTS_PAGE_SIZE as PAGE_SIZE, productsQueryInput, type ProductsSortKey as SortKey } from "./products-query";

type Row = RouterOutputs["inventory"]["products"]["rows"][number];

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function ProductsPage() {
  const slug = useSlug();
  const can = useCan();
  const [search, setSearch] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [familyId, setFamilyId] = useState("");
  const [lowStock, setLowStock] = useState(false);
  const [page, setPage] = useState(0);
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [stock, setStock] = useState<{ action: StockAction; product: { id: string; name: string } } | null>(null);
  const q = useDebounced(search.trim());
  const categories = trpc.inventory.categories.useQuery();
  const families = trpc.inventory.families.useQuery();
  const sort = (sorting[0]?.id ?? "name") as SortKey;
  const list = trpc.inventory.products.useQuery(productsQueryInput({ page, sort, desc: sorting[0]?.desc ?? false, search: q, categoryId, familyId, lowStock }), {
    placeholderData: (prev) => prev,
  });

  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      { id: "sku", header: "SKU", accessorKey: "sku" },
      {
        id: "name",
        accessorKey: "name",
        header: "Nombre",
        cell: ({ row }) => (
          <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/inventario/productos/${row.original.id}`}>
            {row.original.name}
          </Link>
        ),
      },
      { id: "category", header: "Categoría", enableSorting: false, cell: ({ row }) => row.original.categoryName ?? "—" },
      {
        id: "stock",
        accessorKey: "stock",
        header: "Stock",
        cell: ({ row }) => {
          const r = row.original;
          if (r.isService) return <span className="text-slate-600">Servicio</span>;
          const low = dec(r.stockMin).gt(0) && dec(r.stock).lte(r.stockMin);
          return (
            <span className={low ? "font-medium text-red-700" : ""} title={low ? `Por debajo del mínimo (${formatQty(r.stockMin)})` : undefined}>
              {formatQty(r.stock)} {unitWord(r.stock, r.unit)}
              {low ? " ⚠" : ""}
            </span>
          );
        },
      },
      { id: "salePrice", accessorKey: "salePrice", header: "Precio", cell: ({ row }) => formatMoney(row.original.salePrice) },
      { id: "iva", header: "IVA", enableSorting: false, cell: ({ row }) => `${formatQty(row.original.ivaRate)} %` },
      {
        id: "actions",
        header: "",
        enableSorting: false,
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="flex justify-end gap-1">
              {can("stock.receive") && !r.isService ? (
                <Button variant="ghost" className="px-2 py-1" onClick={() => setStock({ action: "receive", product: r })}>
                  Ingresar
                </Button>
              ) : null}
              {can("stock.exit") && !r.isService ? (
                <Button variant="ghost" className="px-2 py-1" onClick={() => setStock({ action: "consume", product: r })}>
                  Consumir
                </Button>
              ) : null}
              {can("catalog.write") ? (
                <Button variant="ghost" className="px-2 py-1" onClick={() => setEditing({ id: r.id })}>
                  Editar
                </Button>
              ) : null}
            </div>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slug, can("stock.receive"), can("stock.exit"), can("catalog.write")],
  );

  return (
    <div>
      <PageHeader
        title="Inventario"
        description="Productos, stock por depósito, lotes y movimientos."
        actions={can("catalog.write") ? <Button onClick={() => setEditing({ id: null })}>Nuevo producto</Button> : null}
      />
      <InventoryTabs />
      {/* Filters wrap instead of squeezing: each select keeps its whole text (sm:w-auto sizes it to its options). */}
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Buscar productos"
          placeholder="Buscar por nombre, SKU o código de barras"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
          className="sm:min-w-64 sm:flex-1"
        />
        <Select aria-label="Categoría" className="sm:w-auto" value={categoryId} onChange={(e) => (setCategoryId(e.target.value), setPage(0))}>
          <option value="">Todas las categorías</option>
          {categories.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </Select>
        <div className="flex w-full items-center gap-3 sm:w-auto">
          <Select aria-label="Familia" className="min-w-0 flex-1 sm:w-auto" value={familyId} onChange={(e) => (setFamilyId(e.target.value), setPage(0))}>
            <option value="">Todas las familias</option>
            {families.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
          <label className="flex shrink-0 items-center gap-2 text-sm">
            <input type="checkbox" checked={lowStock} onChange={(e) => (setLowStock(e.target.checked), setPage(0))} />
            Stock bajo
          </label>
        </div>
      </div>
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      <DataTable
        columns={columns}
        data={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        sorting={sorting}
        onSortingChange={(s) => {
          setSorting(s.length ? s : [{ id: "name", desc: false }]);
          setPage(0);
        }}
        loading={list.isFetching}
        rowKey={(r) => r.id}
        empty={q || categoryId || familyId || lowStock ? "Ningún producto coincide con los filtros." : "Todavía no hay productos. Creá el primero con «Nuevo producto»."}
      />
      <ProductDialog open={!!editing} onOpenChange={(o) => !o && setEditing(null)} productId={editing?.id ?? null} />
      <StockDialogs action={stock?.action ?? null} product={stock?.product ?? null} onClose={() => setStock(null)} />
    </div>
  );
}
