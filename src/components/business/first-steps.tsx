"use client";
import Link from "next/link";
import { trpc } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";

type StepKey = "business" | "products" | "stock" | "register" | "sale" | "invoicing";

const STEPS: Record<StepKey, { title: string; hint: string; href: string; action: string; alt?: { href: string; label: string } }> = {
  business: { title: "Cargá los datos del negocio", hint: "Razón social, CUIT y domicilio para los tickets.", href: "/configuracion", action: "Completar datos" },
  products: {
    title: "Cargá tus primeros productos",
    hint: "Uno por uno o importando la lista de precios de un proveedor.",
    href: "/inventario",
    action: "Ir a productos",
    alt: { href: "/compras/lista-de-precios", label: "Importar lista" },
  },
  stock: { title: "Ingresá el stock inicial", hint: "Desde la ficha de cada producto o con una recepción de compra.", href: "/inventario", action: "Ingresar stock" },
  register: { title: "Configurá una caja", hint: "Cada caja vende desde un depósito.", href: "/caja", action: "Ver cajas" },
  sale: { title: "Hacé tu primera venta", hint: "Abrí la caja con el cambio inicial y vendé.", href: "/pos", action: "Abrir el punto de venta" },
  invoicing: { title: "Configurá la facturación electrónica", hint: "Certificado de ARCA (ex AFIP) y punto de venta.", href: "/fiscal/configuracion", action: "Configurar" },
};

/** The first-steps checklist for a new business: ticks itself from real data, hides when done or dismissed. */
export function FirstSteps({ slug }: { slug: string }) {
  const utils = trpc.useUtils();
  const q = trpc.business.firstSteps.useQuery();
  const dismiss = trpc.business.dismissFirstSteps.useMutation({ onSuccess: () => utils.business.firstSteps.invalidate() });
  if (!q.data) return q.isLoading ? <div role="status" className="mb-6 h-40 animate-pulse rounded-lg bg-slate-100" aria-label="Cargando primeros pasos" /> : null;
  const done = q.data.steps.filter((s) => s.done).length;
  if (q.data.dismissed || done === q.data.steps.length) return null;
  return (
    <section aria-labelledby="first-steps-title" className="mb-6 rounded-lg border border-teal-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="first-steps-title" className="text-lg font-semibold text-slate-900">
            Primeros pasos
          </h2>
          <p className="text-sm text-slate-600">
            {done} de {q.data.steps.length} listos. Se tildan solos a medida que los hacés.
          </p>
        </div>
        <Button variant="ghost" className="px-2 py-1" busy={dismiss.isPending} onClick={() => dismiss.mutate()}>
          Ocultar
        </Button>
      </div>
      <div className="mt-3 h-2 rounded bg-slate-100" role="progressbar" aria-label="Avance de los primeros pasos" aria-valuenow={done} aria-valuemin={0} aria-valuemax={q.data.steps.length}>
        <div className="h-2 rounded bg-teal-600" style={{ width: `${(done / q.data.steps.length) * 100}%` }} />
      </div>
      <ol className="mt-3 divide-y divide-slate-100">
        {q.data.steps.map((s) => {
          const step = STEPS[s.key];
          return (
            <li key={s.key} data-step={s.key} data-done={s.done} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="flex min-w-0 items-start gap-3">
                <span
                  aria-hidden
                  className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${s.done ? "bg-teal-700 text-white" : "border border-slate-400 text-transparent"}`}
                >
                  ✓
                </span>
                <div className="min-w-0">
                  <p className={`text-sm font-medium ${s.done ? "text-slate-600 line-through" : "text-slate-900"}`}>
                    {step.title}
                    <span className="sr-only">{s.done ? " (hecho)" : " (pendiente)"}</span>
                  </p>
                  <p className="text-xs text-slate-600">{step.hint}</p>
                </div>
              </div>
              {s.done ? null : (
                <span className="flex gap-3 pl-8 text-sm">
                  <Link className="font-medium text-teal-800 underline" href={`/${slug}${step.href}`}>
                    {step.action}
                  </Link>
                  {step.alt ? (
                    <Link className="text-teal-800 underline" href={`/${slug}${step.alt.href}`}>
                      {step.alt.label}
                    </Link>
                  ) : null}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
