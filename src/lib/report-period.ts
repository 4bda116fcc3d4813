// Report periods, shared by the server (services) and the browser (period picker).
// Dates are calendar days (YYYY-MM-DD) in the business's time zone; `to` is inclusive.

export const PERIOD_PRESETS = ["today", "yesterday", "week", "month", "last30", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  today: "Hoy",
  yesterday: "Ayer",
  week: "Esta semana",
  month: "Este mes",
  last30: "Últimos 30 días",
  custom: "Personalizado",
};
export type Period = { from: string; to: string };

const DAY = 86_400_000;
const toUtc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromUtc(toUtc(d) + n * DAY);
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY) + 1;
export const isIsoDate = (s: unknown): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toUtc(s)) && fromUtc(toUtc(s)) === s;

/** The days of a preset, as seen on `today`. Weeks start on Monday (es-AR). */
export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, today: string): Period {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case "week": {
      const dow = (new Date(toUtc(today)).getUTCDay() + 6) % 7; // Monday = 0
      return { from: addDays(today, -dow), to: today };
    }
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
  }
}

/** The period of the same length right before (the comparison on every tile). */
export function previousPeriod(p: Period): Period {
  const n = daysBetween(p.from, p.to);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** All days of a period, in order. */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** dd/mm/aaaa from YYYY-MM-DD, without time zone surprises. */
export const formatDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
