"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/field";
import { blockMessage } from "@/pos/guard";
import { formatDateTime } from "@/lib/format";
import { StatusBar } from "./status-bar";
import { OpenSessionForm } from "./open-session-form";
import { SellingScreen } from "./selling-screen";
import { useTerminalRuntime } from "./use-terminal-runtime";

/**
 * The one point of sale, online and offline alike: everything reads the local catalog and
 * every sale, shift opening and cash movement goes through the durable local queue.
 */
export function Terminal({ slug }: { slug: string }) {
  const rt = useTerminalRuntime(slug);
  const [notice, setNotice] = useState<string | null>(null);
  const ctx = rt.context;
  const registers = ctx?.registers ?? [];
  // The register this browser chose last; else the one where this cashier's shift is open; else
  // a free one (never, by default, a register someone else is working).
  const register =
    registers.find((r) => r.id === rt.registerId) ??
    registers.find((r) => r.cashSessionId && r.openedBy === ctx?.user.id) ??
    registers.find((r) => !r.cashSessionId) ??
    registers[0];
  const mine = register?.cashSessionId && (register.openedBy === ctx?.user.id || ctx?.canReview);

  async function guardedSignOut() {
    if (await rt.pending()) return setNotice(blockMessage(rt.sync.queued || 1, rt.sync.refused));
    await signOut({ callbackUrl: "/ingresar" });
  }

  return (
    <div className="flex min-h-screen flex-col overflow-x-hidden bg-slate-50 text-slate-900">
      <header className="no-print flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
        <Link href={`/${slug}`} className="text-sm text-teal-800 underline">
          {ctx?.tenant.name ?? slug}
        </Link>
        {registers.length > 1 ? (
          <select
            aria-label="Caja"
            className="min-h-11 rounded border border-slate-300 px-2 text-sm"
            value={register?.id ?? ""}
            onChange={(e) => void rt.setRegisterId(e.target.value)}
          >
            {registers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.cashSessionId ? " (abierta)" : ""}
              </option>
            ))}
          </select>
        ) : null}
        <span className="ml-auto text-sm text-slate-600">{ctx?.user.name}</span>
        <button type="button" onClick={() => void guardedSignOut()} className="min-h-11 rounded border border-slate-300 px-3 text-sm" data-testid="pos-signout">
          Salir
        </button>
      </header>
      <StatusBar sync={rt.sync} catalog={rt.catalog} persisted={rt.persisted} onSyncNow={() => void rt.syncNow()} />
      {notice ? (
        <div className="no-print px-3 pt-2" data-testid="pos-notice">
          <Alert kind="warning">{notice}</Alert>
        </div>
      ) : null}
      <main className="flex-1 p-3">
        {!rt.ready || (!ctx && !rt.contextError) ? (
          <div className="space-y-3" aria-busy="true">
            <div className="h-14 animate-pulse rounded-lg bg-slate-200" />
            <div className="h-40 animate-pulse rounded-lg bg-slate-200" />
            <p className="text-slate-600">Preparando la caja…</p>
          </div>
        ) : !ctx ? (
          <Alert>{rt.contextError ?? "No se pudo cargar la caja."} Conectate una vez para preparar este equipo.</Alert>
        ) : !register ? (
          <Alert kind="info">No hay cajas activas. Pedile a un administrador que cree una en Caja → Cajas.</Alert>
        ) : mine ? (
          <SellingScreen slug={slug} rt={rt} register={register} />
        ) : register.cashSessionId ? (
          <div className="mx-auto max-w-md space-y-3">
            <h1 className="text-xl font-semibold">Punto de venta · {register.name}</h1>
            <Alert kind="warning">
              {register.name} está abierta por {register.openedByName ?? "otra persona"}. Elegí otra caja o pedile que la cierre.
            </Alert>
          </div>
        ) : (
          <div className="space-y-3">
            <h1 className="text-center text-xl font-semibold">Punto de venta · {register.name}</h1>
            <OpenSessionForm registerId={register.id} online={rt.sync.online} queueOp={rt.queueOp} />
            {rt.sync.lastSyncAt ? <p className="text-center text-xs text-slate-500">Última sincronización {formatDateTime(rt.sync.lastSyncAt)}</p> : null}
          </div>
        )}
      </main>
    </div>
  );
}
