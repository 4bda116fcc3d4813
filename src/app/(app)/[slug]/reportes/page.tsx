import Link from "next/link";
import { PageHeader } from "@/components/ui/page";
import { REPORT_LINKS } from "@/components/reports/report-nav";

export const metadata = { title: "Reportes" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div>
      <PageHeader title="Reportes" description="Cada reporte se puede filtrar, exportar a CSV o Excel e imprimir. Las cifras cuadran con el tablero, las cajas y los comprobantes." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {REPORT_LINKS.map((r) => (
          <Link key={r.href} href={`/${slug}${r.href}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-teal-500 hover:shadow">
            <div className="font-semibold text-slate-900">{r.label}</div>
            <p className="mt-1 text-sm text-slate-600">{r.text}</p>
          </Link>
        ))}
      </div>
    </div>
  );
}
