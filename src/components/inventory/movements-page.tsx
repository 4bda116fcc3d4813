"use client";
import { useMemo, useState } from "react";
import { useSearchParams } from "next/navigation";
import type { ColumnDef } from "@tanstack/react-table";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { PageHeader } from "@/components/ui/page";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { DESTINATION_LABELS, InventoryTabs, MOVEMENT_LABELS, useDebounced } from "./common";

type Row = RouterOutputs["inventory"]["movements"]["rows"][number];
type MovementType = "IN" | "OUT" | "TRANSFER" | "SALE" | "CONSUME" | "AUDIT" | "UNPACK" | "RETURN";
const PAGE_SIZE = 50;

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function MovementsPage() {
  const params = useSearchParams();
  const productId = params.get("producto") ?? undefined;
  const [warehouseId, setWarehouseId] = useState("");
  const [type, setType] = useState<MovementType | "">("");
  const [reference, setReference] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(0);
  const ref = useDebounced(reference.trim());
  const warehouses = trpc.inventory.warehouses.useQuery();
  const product = trpc.inventory.product.useQuery({ id: productId ?? "" }, { enabled: !!productId });
  const list = trpc.inventory.movements.useQuery(
      { page, pageSize: PAGE_SIZE, productId, warehouseId: warehouseId || undefined, type: type || undefined, reference: ref || undefined, from: from || undefined, to: to || undefined },
    { placeholderData: (prev) => prev },
  );
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      { id: "date", header: "Fecha", cell: ({ row }) => formatDateTime(row.original.createdAt) },
      { id: "type", header: "Tipo", cell: ({ row }) => (MOVEMENT_LABELS[row.original.type] ?? row.original.type) + (row.original.isShortfall ? " ⚠ sin stock" : "") },
      { id: "product", header: "Producto", cell: ({ row }) => `${row.original.productName} (${row.original.sku})` },
      {
        id: "warehouse",
        header: "Depósito",
        cell: ({ row }) =>
          row.original.counterpartName
            ? `${row.original.warehouseName} ${Number(row.original.quantity) < 0 ? "→" : "←"} ${row.original.counterpartName}`
            : row.original.warehouseName,
      },
      { id: "lot", header: "Lote", cell: ({ row }) => row.original.lotNumber ?? "—" },
      {
        id: "qty",
        header: "Cantidad",
        cell: ({ row }) => (
          <span className={Number(row.original.quantity) < 0 ? "text-red-700" : "text-emerald-700"}>
            {Number(row.original.quantity) > 0 ? "+" : ""}
            {formatQty(row.original.quantity)}
          </span>
        ),
      },
      { id: "cost", header: "Costo unit.", cell: ({ row }) => formatMoney(row.original.unitCost) },
      { id: "stock", header: "Stock", cell: ({ row }) => `${formatQty(row.original.stockBefore)} → ${formatQty(row.original.stockAfter)}` },
      {
        id: "ref",
        header: "Destino / referencia",
        cell: ({ row }) =>
          [row.original.destinationType ? DESTINATION_LABELS[row.original.destinationType] : null, row.original.reference].filter(Boolean).join(" · ") || "—",
      },
      { id: "user", header: "Usuario", cell: ({ row }) => row.original.userName ?? "—" },
    ],
    [],
  );
  const reset = () => setPage(0);
  return (
    <div>
      <PageHeader title="Movimientos" description={product.data ? `De ${product.data.product.name}` : "El registro de cada entrada y salida de stock. No se puede modificar ni borrar."} />
      <InventoryTabs />
      <div className="mb-4 grid items-end gap-3 sm:grid-cols-5">
        <Select aria-label="Depósito" value={warehouseId} onChange={(e) => (setWarehouseId(e.target.value), reset())}>
          <option value="">Todos los depósitos</option>
          {warehouses.data?.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
        <Select aria-label="Tipo" value={type} onChange={(e) => (setType(e.target.value as MovementType | ""), reset())}>
          <option value="">Todos los tipos</option>
          {Object.entries(MOVEMENT_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
        <Input aria-label="Referencia" placeholder="Referencia (HAB-502…)" value={reference} onChange={(e) => (setReference(e.target.value), reset())} />
        <Field label="Desde">
          <Input type="date" value={from} onChange={(e) => (setFrom(e.target.value), reset())} />
        </Field>
        <Field label="Hasta">
          <Input type="date" value={to} onChange={(e) => (setTo(e.target.value), reset())} />
        </Field>
      </div>
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      <DataTable
        columns={columns}
        data={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={list.isFetching}
        rowKey={(r) => r.id}
        empty="No hay movimientos con esos filtros."
      />
    </div>
  );
}
