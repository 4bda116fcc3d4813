"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { compactMoney, money } from "./format";

export type ChartDatum = { label: string; value: number; /** Shown in the accessible table (exact decimal string). */ text: string };

const TEAL = "#0f766e";

/** Vertical bars filling their box (charts.tsx sizes it); loaded on demand by ColumnChart. */
export function ColumnBars({ data, valueLabel }: { data: ChartDatum[]; valueLabel: string }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={8} />
      <YAxis tickFormatter={compactMoney} tick={{ fontSize: 11 }} width={64} />
      <Tooltip formatter={(v) => [money(String(v)), valueLabel]} />
      <Bar dataKey="value" fill={TEAL} radius={[3, 3, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}

/** Horizontal bars filling their box; loaded on demand by RankingChart. */
export function RankingBars({ data, valueLabel }: { data: ChartDatum[]; valueLabel: string }) {
  return (
    <BarChart responsive accessibilityLayer={false} layout="vertical" data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" tickFormatter={compactMoney} tick={{ fontSize: 11 }} />
      <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} tickFormatter={(s: string) => (s.length > 16 ? s.slice(0, 15) + "…" : s)} />
      <Tooltip formatter={(v) => [money(String(v)), valueLabel]} />
      <Bar dataKey="value" fill={TEAL} radius={[0, 3, 3, 0]} maxBarSize={26} isAnimationActive={false} />
    </BarChart>
  );
}
