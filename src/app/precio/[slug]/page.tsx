import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { allowPriceCheck, checkPrice, resolveTenant } from "@/server/pos/check-price";
import { clientIp } from "@/server/http/client-ip";
import { formatMoney } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "Consulta de precios", robots: { index: false } };

/**
 * Public price checker (a kiosk screen in the shop): barcode in, name and price out.
 * No login; rate limited per IP; reveals nothing but an active product's name and price.
 * A plain GET form, so it works without JavaScript and a scanner's Enter submits it.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ codigo?: string }> }) {
  const { slug } = await params;
  const { codigo } = await searchParams;
  const tenantId = await resolveTenant(slug);
  if (!tenantId) notFound();
  const code = (codigo ?? "").trim().slice(0, 64);
  let result: { kind: "none" } | { kind: "found"; name: string; price: string } | { kind: "missing" } | { kind: "limited" } = { kind: "none" };
  if (code) {
    const h = await headers();
    // Keyed like sign-in throttling: the address the server front resolved, never a client header.
    if (!(await allowPriceCheck(`${slug}:${clientIp(h)}`))) result = { kind: "limited" };
    else {
      const found = await checkPrice(slug, code);
      result = found ? { kind: "found", ...found } : { kind: "missing" };
    }
  }
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-50 p-6">
      <div className="w-full max-w-xl space-y-6 text-center">
        <h1 className="text-2xl font-semibold text-slate-800">Consultá el precio</h1>
        <form method="get" className="flex gap-2">
          <label htmlFor="codigo" className="sr-only">
            Código de barras
          </label>
          <input
            id="codigo"
            name="codigo"
            autoFocus
            autoComplete="off"
            inputMode="numeric"
            placeholder="Escaneá el código de barras"
            className="min-w-0 flex-1 rounded-lg border-2 border-teal-600 px-4 py-3 text-lg"
          />
          <button className="rounded-lg bg-teal-700 px-5 text-white">Consultar</button>
        </form>
        <div aria-live="polite" data-testid="price-result">
          {result.kind === "found" ? (
            <div className="rounded-xl bg-white p-8 shadow">
              <p className="text-2xl text-slate-800">{result.name}</p>
              <p className="mt-2 text-5xl font-bold text-teal-800">{formatMoney(result.price)}</p>
            </div>
          ) : result.kind === "missing" ? (
            <p className="text-lg text-slate-700">No encontramos ese código. Consultá en la caja.</p>
          ) : result.kind === "limited" ? (
            <p className="text-lg text-amber-800">Demasiadas consultas seguidas. Esperá un minuto y probá de nuevo.</p>
          ) : (
            <p className="text-slate-500">Acercá el producto al lector.</p>
          )}
        </div>
      </div>
    </main>
  );
}
