/** A page's shape while it loads (title, filters, rows) instead of an empty form that fills a second later. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label="Cargando…" className="space-y-6">
      <div className="space-y-2">
        <div className="h-7 w-56 max-w-full animate-pulse rounded bg-slate-200" />
        <div className="h-4 w-80 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className="flex flex-wrap gap-3">
        <div className="h-10 w-48 max-w-full animate-pulse rounded-md bg-slate-100" />
        <div className="h-10 w-32 animate-pulse rounded-md bg-slate-100" />
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
      <span className="sr-only">Cargando…</span>
    </div>
  );
}

/** Placeholder rows for a list inside a card while its data loads. */
export function RowsSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Cargando…" className="space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
