"use client";
import "./globals.css";

// Replaces the root layout when it fails itself, so it brings its own <html> and <body>; no
// app components (they may be what failed), only a plain page in Spanish.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="es-AR">
      <body className="min-h-screen">
        <main role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">Mostrador no pudo cargar</h1>
          <p className="text-slate-600">Hubo un problema al abrir la aplicación. Lo que ya estaba guardado no se perdió.</p>
          <button type="button" onClick={reset} className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
            Reintentar
          </button>
          {error.digest ? <p className="text-xs text-slate-600">Código del error: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
