"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { formatMoney, formatPercent } from "@/lib/number";
import { Badge, BillingTabs, Skeleton, Table, day, main, nights, num, td, th, useCan, wide } from "./common";
import { FOLIO_STATUS } from "./folios-page";
import { AddChargeDialog, ChangeChargeDialog } from "./folio-charge-dialogs";
import { CheckoutDialog } from "./folio-checkout-dialog";

const CHARGE_STATUS = { ON_FOLIO: "En el folio", PENDING: "Pendiente de facturar", INVOICING: "En lote", INVOICED: "Facturado", PAID_AT_CHECKOUT: "Cobrado", CANCELLED: "Cancelado", VOIDED: "Anulado" } as const;
const SOURCE = { ACCOUNT_SALE: "Punto de venta", ROOM_SALE: "Punto de venta", MANUAL: "Manual" } as const;

export function FolioDetail({ slug, id }: { slug: string; id: string }) {
  const q = trpc.billing.folio.useQuery({ id });
  const canWrite = useCan("billing.write");
  const [adding, setAdding] = useState(false);
  const [checkout, setCheckout] = useState(false);
  const [changing, setChanging] = useState<{ chargeId: string; kind: "void" | "transfer" } | null>(null);
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Skeleton rows={5} />;
  const { folio, charges } = q.data;
  const open = folio.status === "OPEN";
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title={`Folio · Hab. ${folio.roomNumber}`}
        description={`${folio.guestName} · ${day(folio.checkIn)} → ${day(folio.checkOut)}${folio.customerName ? ` · Factura a ${folio.customerName}` : ""}`}
        actions={
          open && canWrite ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setAdding(true)}>
                Agregar cargo
              </Button>
              <Button onClick={() => setCheckout(true)}>Checkout</Button>
            </div>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Badge tone={FOLIO_STATUS[folio.status][1]}>{FOLIO_STATUS[folio.status][0]}</Badge>
        <span className="text-lg font-semibold tabular-nums" data-testid="folio-total">
          Total {formatMoney(folio.total)}
        </span>
      </div>
      <Table
        head={
          <tr>
            <th className={`${th} ${wide}`}>Fecha</th>
            <th className={th}>Concepto</th>
            <th className={`${th} ${wide}`}>Origen</th>
            <th className={`${th} ${wide}`}>IVA</th>
            <th className={`${th} ${wide}`}>Estado</th>
            <th className={`${th} text-right`}>Importe</th>
            <th className={`${th} ${wide}`} />
          </tr>
        }
        empty={charges.length === 0 ? "Sin cargos todavía: cargá consumos desde el punto de venta («Cargo a habitación») o agregalos a mano." : undefined}
      >
        {charges.map((c) => (
          <tr key={c.id} className={c.status === "VOIDED" || c.status === "CANCELLED" ? "opacity-60" : ""}>
            <td className={`${td} ${wide}`}>{day(c.chargedOn)}</td>
            <td className={`${td} ${main}`}>
              {c.description}
              <span className="block text-xs text-slate-500 sm:hidden">
                {day(c.chargedOn)} · {CHARGE_STATUS[c.status as keyof typeof CHARGE_STATUS] ?? c.status}
              </span>
              {open && canWrite && c.status === "ON_FOLIO" ? <ChargeActions className="mt-1 flex gap-1 sm:hidden" onChange={(kind) => setChanging({ chargeId: c.id, kind })} /> : null}
            </td>
            <td className={`${td} ${wide}`}>{SOURCE[c.source]}</td>
            <td className={`${td} ${wide}`}>{c.byRate.map((r) => formatPercent(r.rate)).join(" · ")}</td>
            <td className={`${td} ${wide}`}>{CHARGE_STATUS[c.status as keyof typeof CHARGE_STATUS] ?? c.status}</td>
            <td className={num}>{formatMoney(c.total)}</td>
            <td className={`${td} ${wide}`}>
              {open && canWrite && c.status === "ON_FOLIO" ? <ChargeActions className="flex gap-1" onChange={(kind) => setChanging({ chargeId: c.id, kind })} /> : null}
            </td>
          </tr>
        ))}
      </Table>
      {adding ? <AddChargeDialog folioId={id} stayNights={nights(folio.checkIn, folio.checkOut)} onClose={() => setAdding(false)} /> : null}
      {checkout ? <CheckoutDialog folio={folio} onClose={() => setCheckout(false)} /> : null}
      {changing ? <ChangeChargeDialog folioId={id} {...changing} onClose={() => setChanging(null)} /> : null}
    </div>
  );
}

/** Move or void a charge still on the folio (shown under the concept on phones, in its own column on wider screens). */
function ChargeActions({ className, onChange }: { className: string; onChange: (kind: "void" | "transfer") => void }) {
  return (
    <span className={className}>
      <Button variant="ghost" onClick={() => onChange("transfer")}>
        Mover
      </Button>
      <Button variant="ghost" className="text-red-700" onClick={() => onChange("void")}>
        Anular
      </Button>
    </span>
  );
}
