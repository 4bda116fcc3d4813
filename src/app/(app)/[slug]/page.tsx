import Link from "next/link";
import { getPageMembership } from "@/server/auth/page-membership";
import { can } from "@/lib/permissions";
import { loadDashboardPage } from "@/server/reports/load-dashboard-page";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { PageHeader } from "@/components/ui/page";
import { Icon } from "@/components/ui/icon";
import { DashboardView } from "@/components/reports/dashboard-view";
import { FirstSteps } from "@/components/business/first-steps";
import { withPrefetch } from "@/server/api/server-trpc";
import { PERIOD_PRESETS, isIsoDate, presetPeriod, type PeriodPreset } from "@/lib/report-period";

type Search = Record<string, string | string[] | undefined>;

/** ?periodo=<preset> or ?desde=&hasta= (custom); anything else means today. */
function pickPeriod(sp: Search, today: string) {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const desde = one("desde");
  const hasta = one("hasta");
  if (isIsoDate(desde) && isIsoDate(hasta) && desde <= hasta) return { preset: "custom" as PeriodPreset, period: { from: desde, to: hasta } };
  const p = one("periodo");
  const preset = (PERIOD_PRESETS as readonly string[]).includes(p ?? "") && p !== "custom" ? (p as Exclude<PeriodPreset, "custom">) : "today";
  return { preset: preset as PeriodPreset, period: presetPeriod(preset, today) };
}

export default async function TenantHome({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { tenant, role, user } = await getPageMembership(slug);
  // The dashboard is for those who run the business; cashiers, operators, auditors and viewers keep the launcher.
  const dashboard =
    can(role, "reports.read") && role !== "AUDITOR" && role !== "VIEWER"
      ? await loadDashboardPage(tenant.id, user.id, (today) => pickPeriod(sp, today))
      : null;
  const areas = NAV_ITEMS.filter((i) => i.href !== "" && (i.permission === null || can(role, i.permission)));
  const hints: Record<string, string> = {
    "/pos": "Abrí la caja y vendé con lector de códigos o buscando por nombre.",
    "/inventario": "Productos, lotes con vencimiento, movimientos y depósitos.",
    "/compras": "Proveedores, órdenes de compra, recepciones y cuentas a pagar.",
    "/caja": "Sesiones de caja, arqueos ciegos y anulaciones.",
    "/fiscal": "Comprobantes electrónicos ARCA (ex AFIP) y su estado.",
    "/equipo": "Invitá a tu equipo y asigná roles.",
    "/reportes": "Ventas, márgenes, rotación, vencimientos, valorización y desvíos de caja.",
  };
  // A new business's checklist, for whoever sets the business up.
  // Rendered on the server with its data (it used to appear after a client fetch, pushing the page down).
  const firstSteps = can(role, "tenant.settings") ? await withPrefetch(slug, (t) => [t.business.firstSteps.prefetch()], <FirstSteps slug={slug} />) : null;
  if (dashboard) {
    return (
      <div>
        <PageHeader title="Tablero" description={`${tenant.name}: qué se vendió, cuánto dejó y qué está por salir mal.`} />
        {firstSteps}
        <DashboardView slug={slug} today={dashboard.today} preset={dashboard.preset} data={dashboard.data} />
      </div>
    );
  }
  return (
    <div>
      <PageHeader title={`Hola, ${user.name.split(" ")[0]}`} description={`Estás en ${tenant.name}. ¿Qué querés hacer hoy?`} />
      {firstSteps}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((a) => (
          <Link key={a.href} href={`/${slug}${a.href}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-teal-500 hover:shadow">
            <div className="inline-flex rounded-md bg-teal-50 p-2 text-teal-800">
              <Icon name={a.icon} className="h-6 w-6" />
            </div>
            <div className="mt-2 font-semibold text-slate-900">{a.label}</div>
            <p className="mt-1 text-sm text-slate-600">{hints[a.href] ?? ""}</p>
          </Link>
        ))}
      </div>
    </div>
  );
}
