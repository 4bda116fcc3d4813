import Link from "next/link";
import type { ReactNode } from "react";
import { change, signedPct } from "./format";

/** A figure with its change against the previous period. `goodWhenUp` false for discounts and voids. */
export function Tile({
  label,
  value,
  current,
  previous,
  goodWhenUp = true,
  hint,
  href,
  tone = "neutral",
  testId,
}: {
  label: string;
  value: string;
  current?: string | number | null;
  previous?: string | number | null;
  goodWhenUp?: boolean;
  hint?: ReactNode;
  href?: string;
  tone?: "neutral" | "warning" | "danger";
  testId?: string;
}) {
  const delta = current !== undefined && previous !== undefined ? change(current, previous) : undefined;
  const good = delta === null || delta === undefined || delta === 0 ? null : (delta > 0) === goodWhenUp;
  const border = tone === "danger" ? "border-red-300" : tone === "warning" ? "border-amber-300" : "border-slate-200";
  const body = (
    <>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 truncate text-xl font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </div>
      {delta !== undefined ? (
        <div className={`mt-0.5 text-xs ${good === null ? "text-slate-500" : good ? "text-emerald-700" : "text-red-700"}`}>
          {delta === null ? "sin datos del período anterior" : `${signedPct(delta)} vs. período anterior`}
        </div>
      ) : null}
      {hint ? <div className="mt-0.5 text-xs text-slate-500">{hint}</div> : null}
    </>
  );
  const cls = `block min-h-[92px] rounded-lg border ${border} bg-white p-3 shadow-sm`;
  return href ? (
    <Link href={href} className={`${cls} transition hover:border-teal-500`}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}
