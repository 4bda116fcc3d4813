"use client";
import dynamic from "next/dynamic";
import { money } from "./format";
import type { ChartDatum } from "./chart-bars";

export type { ChartDatum };

// The bars (recharts, the heaviest script of the reports) load after the page is up, in their
// own chunk, into boxes already at their final height: the page's figures, tiles and the
// accessible tables render on the server and hydrate without waiting for the chart library.
const ColumnBars = dynamic(() => import("./chart-bars").then((m) => m.ColumnBars), { ssr: false });
const RankingBars = dynamic(() => import("./chart-bars").then((m) => m.RankingBars), { ssr: false });

/**
 * A bar chart in a fixed-height box (no layout shift while it measures itself), with the
 * same figures as a visually hidden table for screen readers.
 */
export function ColumnChart({ title, data, height = 240, valueLabel = "Ventas netas" }: { title: string; data: ChartDatum[]; height?: number; valueLabel?: string }) {
  return (
    <figure className="m-0">
      <div style={{ height }} className="w-full" aria-hidden="true">
        <ColumnBars data={data} valueLabel={valueLabel} />
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
        <RankingBars data={data} valueLabel={valueLabel} />
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
