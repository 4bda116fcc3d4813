import Link from "next/link";

export const REPORT_LINKS = [
  { href: "/reportes/ventas", label: "Ventas y márgenes", text: "Por día, hora, medio de pago, producto, categoría, caja o cajero, con costo y margen." },
  { href: "/reportes/rotacion", label: "Rotación", text: "Unidades vendidas, stock promedio, días de stock, rotación y stock muerto." },
  { href: "/reportes/vencimientos", label: "Vencimientos", text: "Lotes por vencer o vencidos, con cantidad y valor; ventas contra pérdidas por vencimiento." },
  { href: "/reportes/valorizacion", label: "Valorización", text: "Stock a FIFO y promedio ponderado; LIFO solo como hipótesis." },
  { href: "/reportes/caja", label: "Desvíos de caja", text: "Cierres ciegos por día, cajero o caja: esperado, declarado y desvío." },
  { href: "/compras/antiguedad", label: "Antigüedad de deudas", text: "Saldos con proveedores por tramos de atraso." },
] as const;

/** Tabs between reports (hidden when printing). */
export function ReportTabs({ slug, current }: { slug: string; current: string }) {
  return (
    <nav aria-label="Reportes" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 print:hidden">
      {REPORT_LINKS.map((l) => (
        <Link
          key={l.href}
          href={`/${slug}${l.href}`}
          aria-current={current === l.href ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${current === l.href ? "border-teal-700 font-medium text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
