"use client";
import { useId, useState } from "react";
import { PERIOD_LABELS, PERIOD_PRESETS, presetPeriod, type Period, type PeriodPreset } from "@/lib/report-period";

/**
 * Period presets plus a custom range with visible «Desde»/«Hasta» fields (native date inputs:
 * the browser shows them as dd/mm/aaaa in es-AR). Calls onChange with the resolved days.
 */
export function PeriodPicker({
  today,
  preset,
  period,
  onChange,
}: {
  today: string;
  preset: PeriodPreset;
  period: Period;
  onChange: (preset: PeriodPreset, period: Period) => void;
}) {
  const id = useId();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const invalid = preset === "custom" && (!from || !to || from > to);
  return (
    <div className="flex flex-col gap-3 print:hidden" role="group" aria-label="Período">
      <div className="flex flex-wrap gap-2">
        {PERIOD_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={preset === p}
            onClick={() => (p === "custom" ? onChange("custom", { from, to }) : onChange(p, presetPeriod(p, today)))}
            className={`rounded-full border px-3 py-1.5 text-sm ${preset === p ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-teal-600"}`}
          >
            {PERIOD_LABELS[p]}
          </button>
        ))}
      </div>
      {preset === "custom" ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) onChange("custom", { from, to });
          }}
        >
          <label className="flex flex-col text-sm text-slate-700" htmlFor={`${id}-from`}>
            Desde
            <input id={`${id}-from`} type="date" required max={today} value={from} onChange={(e) => setFrom(e.target.value)} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
          </label>
          <label className="flex flex-col text-sm text-slate-700" htmlFor={`${id}-to`}>
            Hasta
            <input id={`${id}-to`} type="date" required value={to} onChange={(e) => setTo(e.target.value)} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
          </label>
          <button type="submit" disabled={invalid} className="rounded-md bg-teal-700 px-3 py-2 text-sm font-medium text-white disabled:opacity-50">
            Aplicar
          </button>
          {from && to && from > to ? <p className="w-full text-sm text-red-700">«Desde» tiene que ser anterior o igual a «Hasta».</p> : null}
        </form>
      ) : null}
    </div>
  );
}
