import Link from "next/link";
import { getPageMembership } from "@/server/auth/page-membership";
import { can } from "@/lib/permissions";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { PageHeader } from "@/components/ui/page";
import { Icon } from "@/components/ui/icon";

export default async function TenantHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { tenant, role, user } = await getPageMembership(slug);
  const areas = NAV_ITEMS.filter((i) => i.href !== "" && (i.permission === null || can(role, i.permission)));
  const hints: Record<string, string> = {
    "/pos": "Abrí la caja y vendé con lector de códigos o buscando por nombre.",
    "/inventario": "Productos, lotes con vencimiento, movimientos y depósitos.",
    "/compras": "Proveedores, órdenes de compra, recepciones y cuentas a pagar.",
    "/caja": "Sesiones de caja, arqueos ciegos y anulaciones.",
    "/fiscal": "Comprobantes electrónicos AFIP y su estado.",
    "/equipo": "Invitá a tu equipo y asigná roles.",
  };
  return (
    <div>
      <PageHeader title={`Hola, ${user.name.split(" ")[0]}`} description={`Estás en ${tenant.name}. ¿Qué querés hacer hoy?`} />
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
