import type { Permission } from "@/lib/permissions";
import type { IconName } from "@/components/ui/icon";

// The app shell's navigation. Areas plug in here; an item shows only when the role has its permission.
export type NavItem = { href: string; label: string; permission: Permission | null; icon: IconName };

export const NAV_ITEMS: NavItem[] = [
  { href: "", label: "Inicio", permission: null, icon: "home" },
  { href: "/pos", label: "Punto de venta", permission: "pos.sell", icon: "cart" },
  { href: "/conflictos", label: "Conflictos de stock", permission: "cash.review", icon: "bell" },
  { href: "/inventario", label: "Inventario", permission: "catalog.read", icon: "box" },
  { href: "/compras", label: "Compras", permission: "purchasing.read", icon: "receipt" },
  { href: "/conteos", label: "Conteos", permission: "counts.perform", icon: "clipboard" },
  { href: "/caja", label: "Cajas y arqueos", permission: "cash.review", icon: "cash" },
  { href: "/fiscal", label: "Facturación ARCA", permission: "fiscal.read", icon: "bank" },
  { href: "/contabilidad", label: "Contabilidad", permission: "accounting.read", icon: "bank" },
  { href: "/equipo", label: "Equipo", permission: "members.manage", icon: "users" },
  { href: "/clientes", label: "Clientes y cuentas", permission: "billing.read", icon: "users" },
  { href: "/folios", label: "Folios de habitación", permission: "billing.read", icon: "receipt" },
  { href: "/facturacion/lotes", label: "Facturación por lotes", permission: "billing.read", icon: "bank" },
  { href: "/reportes", label: "Reportes", permission: "reports.read", icon: "chart" },
  { href: "/configuracion", label: "Datos del negocio", permission: "tenant.settings", icon: "home" },
];
