"use client";
import { AreaTabs } from "@/components/ui/area-tabs";
import { formatMoney } from "@/lib/number";
import { calendarDateIn } from "@/lib/format";

const TABS = [
  { href: "/contabilidad", label: "Asientos", exact: true },
  { href: "/contabilidad/plan", label: "Plan de cuentas" },
  { href: "/contabilidad/libro-iva", label: "Libro IVA Digital" },
];

export function AccountingTabs({ slug }: { slug: string }) {
  return <AreaTabs label="Contabilidad" tabs={TABS.map((t) => ({ ...t, href: `/${slug}${t.href}` }))} />;
}

/** "2026-11-30" → "30/11/2026" (no time-zone shift for plain dates). */
export const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const money = (v: string) => formatMoney(v);

/** Today and the first day of this month on the business's calendar (not the browser's). */
export function thisMonth(now = new Date()): { from: string; to: string; month: string } {
  const today = calendarDateIn(now);
  return { from: `${today.slice(0, 8)}01`, to: today, month: today.slice(0, 7) };
}

export const th = "whitespace-nowrap px-3 py-2 text-left font-medium text-slate-600";
export const td = "px-3 py-2 text-slate-800";
export const num = "whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-800";
