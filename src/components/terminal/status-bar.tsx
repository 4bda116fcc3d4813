"use client";

import { formatDateTime } from "@/lib/format";
import type { SyncState } from "@/pos/sync-contracts";
import type { CatalogStatus } from "./use-terminal-runtime";

/** Always visible: connection, queued sales, last sync, catalog freshness, last error, storage. */
export function StatusBar({ sync, catalog, persisted, onSyncNow }: { sync: SyncState; catalog: CatalogStatus; persisted: boolean | null; onSyncNow: () => void }) {
  return (
    <>
    <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm" role="status">
      <span
        data-testid="pos-online"
        data-online={sync.online ? "true" : "false"}
        className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 font-medium ${sync.online ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
      >
        <span aria-hidden className={`h-2 w-2 rounded-full ${sync.online ? "bg-emerald-500" : "bg-amber-500"}`} />
        {sync.online ? "En línea" : "Sin conexión"}
      </span>
      <span>
        Por enviar: <strong data-testid="pos-queued">{sync.queued}</strong>
        {sync.syncing && <span className="ml-1 text-slate-500">(enviando…)</span>}
      </span>
      {sync.refused > 0 && (
        <span className="font-medium text-red-700" data-testid="pos-refused-count">
          Rechazadas: {sync.refused}
        </span>
      )}
      <span className="text-slate-600" data-testid="pos-last-sync">
        Última sincronización: {sync.lastSyncAt ? formatDateTime(sync.lastSyncAt) : "nunca"}
      </span>
      <span className="text-slate-600">
        Catálogo: {catalog.count} productos{catalog.syncing ? " (actualizando…)" : catalog.syncedAt ? ` · ${formatDateTime(catalog.syncedAt)}` : ""}
      </span>
      {sync.lastError && (
        <span className="text-red-700" data-testid="pos-sync-error">
          {sync.lastError}
          {sync.nextRetryAt && ` · reintento ${formatDateTime(sync.nextRetryAt)}`}
        </span>
      )}
      {catalog.error && <span className="text-red-700">Catálogo: {catalog.error}</span>}
      <button
        type="button"
        onClick={onSyncNow}
        disabled={sync.syncing}
        className="ml-auto min-h-9 rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-100 disabled:opacity-50"
      >
        Sincronizar ahora
      </button>
    </div>
    {persisted === false ? (
      <p className="no-print bg-amber-50 px-3 py-1 text-xs text-amber-900" data-testid="pos-storage-warning">
        El navegador no garantizó guardar las ventas de forma permanente. Instalá la app (menú del navegador → «Instalar Mostrador» o
        «Agregar a la pantalla de inicio») para que no se borren si falta espacio.
      </p>
    ) : null}
    </>
  );
}
