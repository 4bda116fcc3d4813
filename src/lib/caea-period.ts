import { addDays, arDate } from "./ar-time";

// CAEA periods: yyyymm + fortnight (1: days 1–15, 2: 16–end of month), in Argentina's calendar.

export type Fortnight = { period: number; fortnight: 1 | 2; from: string; to: string };

export function fortnightOfDate(isoDate: string): Fortnight {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const mm = String(m).padStart(2, "0");
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const period = y * 100 + m;
  return d <= 15
    ? { period, fortnight: 1, from: `${y}-${mm}-01`, to: `${y}-${mm}-15` }
    : { period, fortnight: 2, from: `${y}-${mm}-16`, to: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}

/** The fortnight an instant belongs to, in Argentina. */
export const fortnightAt = (now: Date = new Date()): Fortnight => fortnightOfDate(arDate(now));

export const nextFortnight = (f: Fortnight): Fortnight => fortnightOfDate(addDays(f.to, 1));

/** ARCA lets a CAEA be requested from this many days before its fortnight starts. */
export const CAEA_REQUEST_DAYS_BEFORE = 5;

/** "1ª quincena de 12/2026" */
export const fortnightLabel = (period: number, fortnight: number) =>
  `${fortnight === 1 ? "1ª" : "2ª"} quincena de ${String(period % 100).padStart(2, "0")}/${Math.floor(period / 100)}`;
