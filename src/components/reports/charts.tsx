"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { compactMoney, money } from "./format";

export type ChartDatum = { label: string; value: number; /** Shown in the accessible table (exact decimal string). */ text: string };

const TEAL = "#0f766e";

/**
 * A bar chart in a fixed-height box (no layout shift while it measures itself), with the
 * same figures as a visually hidden table for screen readers.
 */
export function ColumnChart({ title, data, height = 240, valueLabel = "Ventas netas" }: { title: string; data: ChartDatum[]; height?: number; valueLabel?: string }) {
  return (
    <figure className="m-0">
      <div style={{ height }} className="w-full" aria-hidden="true">
        <BarChart responsive data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tickFormatter={compactMoney} tick={{ fontSize: 11 }} width={64} />
          <Tooltip formatter={(v) => [money(String(v)), valueLabel]} />
          <Bar dataKey="value" fill={TEAL} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
      <ChartTable title={title} data={data} valueLabel={valueLabel} />
    </figure>
  );
}

/** Horizontal bars for rankings (top products, methods, registers): long names stay readable on a phone. */
export function RankingChart({ title, data, valueLabel = "Ventas netas" }: { title: string; data: ChartDatum[]; valueLabel?: string }) {
  const height = Math.max(120, data.length * 34 + 16);
  return (
    <figure className="m-0">
      <div style={{ height }} className="w-full" aria-hidden="true">
        <BarChart responsive layout="vertical" data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={compactMoney} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} tickFormatter={(s: string) => (s.length > 16 ? s.slice(0, 15) + "…" : s)} />
          <Tooltip formatter={(v) => [money(String(v)), valueLabel]} />
          <Bar dataKey="value" fill={TEAL} radius={[0, 3, 3, 0]} maxBarSize={26} isAnimationActive={false} />
        </BarChart>
      </div>
      <ChartTable title={title} data={data} valueLabel={valueLabel} />
    </figure>
  );
}

function ChartTable({ title, data, valueLabel }: { title: string; data: ChartDatum[]; valueLabel: string }) {
  // The sr-only box is a div: a table ignores width 1px and would widen the page on a phone.
  return (
    <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Concepto</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{money(d.text)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
