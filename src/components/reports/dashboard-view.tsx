"use client";
import { useEffect, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { DashboardT, SalesRowT } from "@/lib/report-schemas";
import { formatDay, type Period, type PeriodPreset } from "@/lib/report-period";
import { Card } from "@/components/ui/page";
import { PeriodPicker } from "./period-picker";
import { Tile } from "./tiles";
import { ColumnChart, RankingChart, type ChartDatum } from "./charts";
import { int, money, pct, qty } from "./format";

const toData = (rows: SalesRowT[], pick: (r: SalesRowT) => string | null = (r) => r.net): ChartDatum[] =>
  rows.map((r) => ({ label: r.label, value: Number(pick(r) ?? 0), text: pick(r) ?? "0" }));

/** The owner's home: period picker, tiles against the previous period, charts. Data is server-rendered. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function DashboardView({ slug, today, preset, data }: { slug: string; today: string; preset: PeriodPreset; data: DashboardT }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (p: PeriodPreset, period: Period) =>
    startTransition(() => router.push(p === "custom" ? `/${slug}?desde=${period.from}&hasta=${period.to}` : `/${slug}?periodo=${p}`, { scroll: false }));
  // Today's figures move as cashiers sell: refresh the server data every minute.
  useEffect(() => {
    const t = setInterval(() => startTransition(() => router.refresh()), 60_000);
    return () => clearInterval(t);
  }, [router]);

  const c = data.current;
  const b = data.before;
  const o = data.operations;
  const base = `/${slug}`;
  const periodText = data.period.from === data.period.to ? formatDay(data.period.from) : `${formatDay(data.period.from)} al ${formatDay(data.period.to)}`;
  const prevText = data.previous.from === data.previous.to ? formatDay(data.previous.from) : `${formatDay(data.previous.from)} al ${formatDay(data.previous.to)}`;
  const noSales = c.tickets === 0 && c.voids === "0.00";

  return (
    <div aria-busy={pending} className={`min-w-0 overflow-x-clip ${pending ? "opacity-60 transition-opacity" : "transition-opacity"}`}>
      <PeriodPicker key={`${data.period.from}-${data.period.to}`} today={today} preset={preset} period={data.period} onChange={go} />
      <p className="mt-3 text-sm text-slate-600" data-testid="period-text">
        {periodText} · comparado con {prevText}
      </p>

      <section aria-label="Ventas" className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4 [&>*]:min-w-0">
        <Tile label="Ventas netas" testId="tile-net" value={money(c.net)} current={c.net} previous={b.net} hint="brutas − descuentos − anulaciones" />
        <Tile label="Ventas brutas" value={money(c.gross)} current={c.gross} previous={b.gross} />
        <Tile label="Descuentos" value={money(c.discount)} current={c.discount} previous={b.discount} goodWhenUp={false} />
        <Tile label="Anulaciones" value={money(c.voids)} current={c.voids} previous={b.voids} goodWhenUp={false} hint={`${int(c.voidedTickets)} tickets`} />
        <Tile label="Tickets" testId="tile-tickets" value={int(c.tickets - c.voidedTickets)} current={c.tickets - c.voidedTickets} previous={b.tickets - b.voidedTickets} hint={c.offlineTickets ? `${int(c.offlineTickets)} sin conexión` : undefined} />
        <Tile label="Ticket promedio" value={money(c.averageTicket)} current={c.averageTicket} previous={b.averageTicket} />
        <Tile label="Margen bruto" value={money(c.margin)} current={c.margin} previous={b.margin} hint={`${pct(c.marginPct)} de las ventas netas`} />
        <Tile label="Costo de lo vendido" value={money(c.cost)} current={c.cost} previous={b.cost} goodWhenUp={false} />
      </section>

      <section aria-label="Alertas" className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-5 [&>*]:min-w-0">
        <Tile
          label="Desvíos de caja"
          value={money(o.cash.absDeviation)}
          hint={`${int(o.cash.closings)} cierres · ${int(o.cash.critical)} críticos${o.cash.pendingReview ? ` · ${int(o.cash.pendingReview)} por justificar` : ""}`}
          tone={o.cash.critical > 0 ? "danger" : "neutral"}
          href={`${base}/reportes/caja`}
        />
        <Tile
          label="A pagar esta semana"
          value={money(o.payables.dueAmount)}
          hint={`${int(o.payables.dueCount)} facturas${o.payables.overdueCount ? ` · ${money(o.payables.overdueAmount)} vencido` : ""}`}
          tone={o.payables.overdueCount > 0 ? "warning" : "neutral"}
          href={`${base}/compras/antiguedad`}
        />
        <Tile
          label={`Vencen en ${o.expiring.days} días`}
          value={`${int(o.expiring.lots)} lotes`}
          hint={`${qty(o.expiring.quantity)} u. · ${money(o.expiring.value)} al costo`}
          tone={o.expiring.lots > 0 ? "warning" : "neutral"}
          href={`${base}/reportes/vencimientos`}
        />
        <Tile label="Bajo el mínimo" value={`${int(o.belowMinimum)} productos`} tone={o.belowMinimum > 0 ? "warning" : "neutral"} href={`${base}/compras/sugerencias`} />
        <Tile
          label="Comprobantes AFIP"
          value={`${int(o.fiscal.pending)} pendientes`}
          hint={`${int(o.fiscal.rejected)} rechazados`}
          tone={o.fiscal.rejected > 0 ? "danger" : o.fiscal.pending > 0 ? "warning" : "neutral"}
          href={`${base}/fiscal`}
        />
      </section>

      {noSales ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          No hay ventas en este período. Elegí otro período o abrí una caja en <a className="text-teal-700 underline" href={`${base}/pos`}>Punto de venta</a> para empezar a vender.
        </p>
      ) : null}

      <div className="mt-6 grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        <Card title={data.series.by === "hour" ? "Ventas netas por hora" : "Ventas netas por día"} className="lg:col-span-2">
          <ColumnChart
            title={data.series.by === "hour" ? "Ventas netas por hora" : "Ventas netas por día"}
            data={data.series.rows.map((r) => ({ label: data.series.by === "hour" ? r.label : r.label.slice(0, 5), value: Number(r.net), text: r.net }))}
          />
        </Card>
        <Card title="Por medio de pago">
          <RankingChart title="Ventas por medio de pago" data={toData(data.methods)} valueLabel="Cobrado" />
        </Card>
        <Card title="Por caja y cajero">
          <RankingChart title="Ventas por caja" data={toData(data.registers)} />
          <div className="mt-3">
            <RankingChart title="Ventas por cajero" data={toData(data.cashiers)} />
          </div>
        </Card>
        <Card title="Productos más vendidos">
          <RankingChart title="Productos más vendidos (ventas netas)" data={toData(data.topByNet)} />
        </Card>
        <Card title="Productos con más margen">
          <RankingChart title="Productos con más margen bruto" data={toData(data.topByMargin, (r) => r.margin)} valueLabel="Margen" />
        </Card>
      </div>
      <p className="mt-4 text-sm">
        <a className="text-teal-700 underline" href={`${base}/reportes`}>
          Ver todos los reportes
        </a>
      </p>
    </div>
  );
}
