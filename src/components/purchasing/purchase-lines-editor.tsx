"use client";
import { useEffect, useState } from "react";
import { trpc } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { formatMoney } from "@/lib/format";
import { toInputText } from "@/lib/number";
import { lineSubtotal, readCost, readQuantity } from "@/lib/purchasing/typed-lines";
import { NumberCell } from "./number-cell";
import { Table, num, td, th } from "./common";

// The one editor of purchase lines (product, quantity, unit cost) shared by the purchase-order
// form and the receipt without an order; the receipt adds lot, expiry and warehouse columns.

export type PurchaseLine = {
  productId: string;
  /** Kept on the line so a chosen product stays listed while the search shows others. */
  productName: string;
  sku: string;
  hasExpiry: boolean;
  quantity: string;
  unitCost: string;
  lotNumber: string;
  expiresAt: string;
  warehouseId: string;
};

export const emptyPurchaseLine = (quantity = "", warehouseId = ""): PurchaseLine => ({
  productId: "",
  productName: "",
  sku: "",
  hasExpiry: false,
  quantity,
  unitCost: "",
  lotNumber: "",
  expiresAt: "",
  warehouseId,
});

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function PurchaseLinesEditor({
  supplierId,
  lines,
  onChange,
  receipt = false,
  newLineQuantity = "",
}: {
  supplierId: string;
  lines: PurchaseLine[];
  onChange: (lines: PurchaseLine[]) => void;
  /** Receipt columns: lot, expiry and warehouse. */
  receipt?: boolean;
  newLineQuantity?: string;
}) {
  const [search, setSearch] = useState("");
  const catalog = trpc.purchasing.catalog.useQuery({ search: search.trim() || undefined, supplierId: supplierId || undefined }, { placeholderData: (p) => p });
  const warehouses = catalog.data?.warehouses ?? [];
  const defaultWarehouse = warehouses.find((w) => w.isDefault)?.id ?? warehouses[0]?.id ?? "";
  const found = catalog.data?.products ?? [];
  const chosen = lines
    .filter((l) => l.productId && !found.some((f) => f.id === l.productId))
    .map((l) => ({ id: l.productId, name: l.productName, sku: l.sku, hasExpiry: l.hasExpiry, lastCost: null as string | null }));
  const products = [...new Map([...chosen, ...found].map((p) => [p.id, p])).values()];
  const setLine = (i: number, patch: Partial<PurchaseLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  // A product picked from the previous search's list (shown while the new one loads), or
  // before the supplier was chosen, gets its cost once this supplier's price is known.
  useEffect(() => {
    if (!catalog.data || catalog.isPlaceholderData) return;
    const cost = new Map(catalog.data.products.filter((p) => p.lastCost).map((p) => [p.id, p.lastCost!]));
    if (!lines.some((l) => l.productId && l.unitCost === "" && cost.has(l.productId))) return;
    onChange(lines.map((l) => (l.productId && l.unitCost === "" && cost.has(l.productId) ? { ...l, unitCost: toInputText(cost.get(l.productId)!, 4) } : l)));
    // Only when new catalog data arrives: a cost the person clears stays cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog.data, catalog.isPlaceholderData]);

  return (
    <div className="space-y-3">
      <div className="max-w-sm">
        <Input placeholder="Buscar productos por nombre o SKU" aria-label="Buscar productos" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <Table
        head={
          <tr>
            <th className={th}>Producto</th>
            <th className={th}>Cantidad</th>
            <th className={th}>Costo unitario</th>
            {receipt ? (
              <>
                <th className={th}>Lote</th>
                <th className={th}>Vencimiento</th>
                <th className={th}>Depósito</th>
              </>
            ) : null}
            <th className={`${th} text-right`}>Subtotal</th>
            <th className={th}>
              <span className="sr-only">Acciones</span>
            </th>
          </tr>
        }
      >
        {lines.map((l, i) => {
          const subtotal = lineSubtotal(l.quantity, l.unitCost);
          return (
            <tr key={i} className="align-top">
              <td className={td}>
                <Select
                  aria-label={`Producto de la línea ${i + 1}`}
                  value={l.productId}
                  onChange={(e) => {
                    const p = products.find((x) => x.id === e.target.value);
                    setLine(i, {
                      productId: e.target.value,
                      productName: p?.name ?? "",
                      sku: p?.sku ?? "",
                      hasExpiry: p?.hasExpiry ?? false,
                      unitCost: l.unitCost || (p?.lastCost ? toInputText(p.lastCost, 4) : ""),
                      warehouseId: l.warehouseId || defaultWarehouse,
                    });
                  }}
                >
                  <option value="">Elegí…</option>
                  {products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.sku})
                    </option>
                  ))}
                </Select>
              </td>
              <td className={td}>
                <NumberCell label={`Cantidad de la línea ${i + 1}`} className="w-24" maxDecimals={3} value={l.quantity} read={readQuantity} onChange={(v) => setLine(i, { quantity: v })} />
              </td>
              <td className={td}>
                <NumberCell label={`Costo de la línea ${i + 1}`} value={l.unitCost} read={readCost} onChange={(v) => setLine(i, { unitCost: v })} />
              </td>
              {receipt ? (
                <>
                  <td className={td}>
                    <Input aria-label={`Lote de la línea ${i + 1}`} className="w-28" maxLength={60} value={l.lotNumber} onChange={(e) => setLine(i, { lotNumber: e.target.value })} />
                  </td>
                  <td className={td}>
                    <Input
                      aria-label={`Vencimiento de la línea ${i + 1}`}
                      type="date"
                      value={l.expiresAt}
                      invalid={l.hasExpiry && !l.expiresAt}
                      onChange={(e) => setLine(i, { expiresAt: e.target.value })}
                    />
                  </td>
                  <td className={td}>
                    <Select aria-label={`Depósito de la línea ${i + 1}`} value={l.warehouseId || defaultWarehouse} onChange={(e) => setLine(i, { warehouseId: e.target.value })}>
                      {warehouses.map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.name}
                        </option>
                      ))}
                    </Select>
                  </td>
                </>
              ) : null}
              <td className={num}>{subtotal ? formatMoney(subtotal) : "—"}</td>
              <td className={td}>
                <Button type="button" variant="ghost" aria-label={`Quitar la línea ${i + 1}`} disabled={lines.length === 1} onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              </td>
            </tr>
          );
        })}
      </Table>
      <Button type="button" variant="secondary" onClick={() => onChange([...lines, emptyPurchaseLine(newLineQuantity, defaultWarehouse)])}>
        Agregar producto
      </Button>
    </div>
  );
}
