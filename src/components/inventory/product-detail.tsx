"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Card, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { DESTINATION_LABELS, ExpiryBadge, InventoryTabs, MOVEMENT_LABELS, useSlug } from "./common";
import { useCan } from "@/components/auth/permissions";
import { ProductDialog } from "./product-dialog";
import { StockDialogs, type StockAction } from "./stock-dialogs";
import { unitWord } from "@/lib/plural";
import { TableFrame } from "@/components/ui/table-frame";

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function ProductDetail({ productId }: { productId: string }) {
  const slug = useSlug();
  const can = useCan();
  const detail = trpc.inventory.product.useQuery({ id: productId });
  const movements = trpc.inventory.movements.useQuery({ productId, pageSize: 20 }, { enabled: can("movements.read") });
  const [action, setAction] = useState<StockAction | null>(null);
  const [editing, setEditing] = useState(false);

  if (detail.error) return <Alert>{errorMessage(detail.error)}</Alert>;
  if (!detail.data) return <p className="text-sm text-slate-600">Cargando…</p>;
  const { product: p, stock, lots, packs, totalStock } = detail.data;

  return (
    <div>
      <PageHeader
        title={p.name}
        description={`SKU ${p.sku}${p.barcodes.length ? ` · ${p.barcodes.join(", ")}` : ""}${p.categoryName ? ` · ${p.categoryName}` : ""}`}
        actions={
          <>
            {can("stock.receive") && !p.isService ? <Button onClick={() => setAction("receive")}>Ingresar stock</Button> : null}
            {can("stock.exit") && !p.isService ? (
              <Button variant="secondary" onClick={() => setAction("consume")}>
                Registrar consumo
              </Button>
            ) : null}
            {can("stock.transfer") && !p.isService ? (
              <Button variant="secondary" onClick={() => setAction("transfer")}>
                Transferir
              </Button>
            ) : null}
            {can("catalog.write") ? (
              <Button variant="ghost" onClick={() => setEditing(true)}>
                Editar
              </Button>
            ) : null}
          </>
        }
      />
      <InventoryTabs />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Stock total">
          <p className="text-3xl font-semibold" data-testid="total-stock">
            {p.isService ? "Servicio" : `${formatQty(totalStock)} ${unitWord(totalStock, p.unit)}`}
          </p>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-sm text-slate-600">
            <div>
              <dt>Mínimo</dt>
              <dd className="font-medium text-slate-900">{formatQty(p.stockMin)}</dd>
            </div>
            <div>
              <dt>Ideal</dt>
              <dd className="font-medium text-slate-900">{formatQty(p.stockIdeal)}</dd>
            </div>
            <div>
              <dt>Máximo</dt>
              <dd className="font-medium text-slate-900">{formatQty(p.stockMax)}</dd>
            </div>
          </dl>
          {Number(p.stockMin) > 0 && Number(totalStock) <= Number(p.stockMin) && !p.isService ? (
            <div className="mt-3">
              <Alert kind="warning">Stock por debajo del mínimo.</Alert>
            </div>
          ) : null}
        </Card>
        <Card title="Precio">
          <p className="text-3xl font-semibold">{formatMoney(p.salePrice)}</p>
          <p className="mt-1 text-sm text-slate-600">IVA {formatQty(p.ivaRate)} % incluido</p>
          {p.familyName ? (
            <p className="mt-3 text-sm text-slate-600">
              Familia {p.familyName}: 1 {p.unit} = {formatQty(p.conversionFactor ?? "0")} {p.familyBaseUnit}
            </p>
          ) : null}
          {packs.map((k) => (
            <p key={k.id} className="mt-1 text-sm text-slate-600">
              {k.role === "parent" ? `Contiene ${formatQty(k.unitsPerParent)} × ${k.otherName}` : `Viene en ${k.otherName} (× ${formatQty(k.unitsPerParent)}), se desarma solo al vender`}
            </p>
          ))}
        </Card>
        <Card title="Por depósito">
          <table className="w-full text-sm" aria-label="Stock por depósito">
            <tbody>
              {stock.map((s) => (
                <tr key={s.warehouseId} className="border-b border-slate-100 last:border-0">
                  <td className="py-1.5">{s.warehouseName}</td>
                  <td className="py-1.5 text-right font-medium">{formatQty(s.quantity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>

      {!p.isService ? (
        <Card title="Lotes" className="mt-4">
          {lots.length === 0 ? (
            <p className="text-sm text-slate-600">Sin lotes con stock. Ingresá stock para crear el primero.</p>
          ) : (
            <TableFrame>
              <table className="min-w-full text-sm" aria-label="Lotes">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-1.5 pr-3 font-medium">Lote</th>
                    <th className="py-1.5 pr-3 font-medium">Depósito</th>
                    <th className="py-1.5 pr-3 font-medium">Cantidad</th>
                    <th className="py-1.5 pr-3 font-medium">Costo unitario</th>
                    <th className="py-1.5 pr-3 font-medium">Ingreso</th>
                    <th className="py-1.5 pr-3 font-medium">Vencimiento</th>
                  </tr>
                </thead>
                <tbody>
                  {lots.map((l) => (
                    <tr key={l.id} className="border-t border-slate-100">
                      <td className="py-1.5 pr-3">{l.isDeficit ? <span className="text-red-700">Faltante (vendido sin stock)</span> : (l.lotNumber ?? "—")}</td>
                      <td className="py-1.5 pr-3">{l.warehouseName}</td>
                      <td className="py-1.5 pr-3">
                        {formatQty(l.quantity)} <span className="text-slate-600">/ {formatQty(l.initialQuantity)}</span>
                      </td>
                      <td className="py-1.5 pr-3">{l.unitCost === null ? "—" : formatMoney(l.unitCost)}</td>
                      <td className="py-1.5 pr-3">{formatDateTime(l.receivedAt)}</td>
                      <td className="py-1.5 pr-3">
                        <ExpiryBadge expiresAt={l.expiresAt} days={l.daysToExpiry} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          )}
        </Card>
      ) : null}

      {can("movements.read") ? (
        <Card title="Últimos movimientos" className="mt-4">
          {movements.data?.rows.length ? (
            <TableFrame>
              <table className="min-w-full text-sm" aria-label="Movimientos del producto">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-1.5 pr-3 font-medium">Fecha</th>
                    <th className="py-1.5 pr-3 font-medium">Tipo</th>
                    <th className="py-1.5 pr-3 font-medium">Depósito</th>
                    <th className="py-1.5 pr-3 font-medium">Cantidad</th>
                    <th className="py-1.5 pr-3 font-medium">Stock</th>
                    <th className="py-1.5 pr-3 font-medium">Destino / referencia</th>
                    <th className="py-1.5 pr-3 font-medium">Usuario</th>
                  </tr>
                </thead>
                <tbody>
                  {movements.data.rows.map((m) => (
                    <tr key={m.id} className="border-t border-slate-100">
                      <td className="py-1.5 pr-3">{formatDateTime(m.createdAt)}</td>
                      <td className="py-1.5 pr-3">{MOVEMENT_LABELS[m.type] ?? m.type}</td>
                      <td className="py-1.5 pr-3">{m.warehouseName}</td>
                      <td className={`py-1.5 pr-3 font-medium ${Number(m.quantity) < 0 ? "text-red-700" : "text-emerald-700"}`}>
                        {Number(m.quantity) > 0 ? "+" : ""}
                        {formatQty(m.quantity)}
                      </td>
                      <td className="py-1.5 pr-3">
                        {formatQty(m.stockBefore)} → {formatQty(m.stockAfter)}
                      </td>
                      <td className="py-1.5 pr-3">
                        {[m.destinationType ? DESTINATION_LABELS[m.destinationType] : null, m.reference].filter(Boolean).join(" · ") || "—"}
                      </td>
                      <td className="py-1.5 pr-3">{m.userName ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Link className="mt-2 inline-block text-sm text-teal-800 hover:underline" href={`/${slug}/inventario/movimientos?producto=${p.id}`}>
                Ver todos los movimientos
              </Link>
            </TableFrame>
          ) : (
            <p className="text-sm text-slate-600">Todavía no hay movimientos.</p>
          )}
        </Card>
      ) : null}

      <StockDialogs action={action} onClose={() => setAction(null)} product={{ id: p.id, name: p.name, hasExpiry: p.hasExpiry }} />
      <ProductDialog open={editing} onOpenChange={setEditing} productId={p.id} />
    </div>
  );
}
