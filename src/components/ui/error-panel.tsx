"use client";
import Link from "next/link";
import { Button } from "./button";

/**
 * What a page shows when something failed while rendering it: what happened in plain Spanish,
 * a retry, a way out, and the error's code for support (never the technical message).
 */
export function ErrorPanel({ digest, onRetry, homeHref = "/negocios" }: { digest?: string; onRetry?: () => void; homeHref?: string }) {
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Algo salió mal</h1>
      <p className="text-slate-600">No pudimos mostrar esta página. Lo que ya estaba guardado no se perdió. Probá de nuevo; si vuelve a pasar, avisanos con el código de abajo.</p>
      <div className="flex flex-wrap justify-center gap-2">
        {onRetry ? <Button onClick={onRetry}>Reintentar</Button> : null}
        <Link href={homeHref} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Ir al inicio
        </Link>
      </div>
      {digest ? <p className="text-xs text-slate-600">Código del error: {digest}</p> : null}
    </div>
  );
}
