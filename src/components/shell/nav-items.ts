import type { Permission } from "@/server/auth/permissions";

// The app shell's navigation. Areas plug in here; an item shows only when the role has its permission.
export type NavItem = { href: string; label: string; permission: Permission | null; icon: string };

export const NAV_ITEMS: NavItem[] = [
  { href: "", label: "Inicio", permission: null, icon: "⌂" },
  { href: "/pos", label: "Punto de venta", permission: "pos.sell", icon: "🛒" },
  { href: "/terminal", label: "Terminal offline", permission: "pos.sell", icon: "📴" },
  { href: "/conflictos", label: "Conflictos de stock", permission: "cash.review", icon: "⚠" },
  { href: "/inventario", label: "Inventario", permission: "catalog.read", icon: "📦" },
  { href: "/compras", label: "Compras", permission: "purchasing.read", icon: "🧾" },
  { href: "/caja", label: "Cajas y arqueos", permission: "cash.review", icon: "💵" },
  { href: "/fiscal", label: "Facturación AFIP", permission: "fiscal.read", icon: "🏛" },
  { href: "/equipo", label: "Equipo", permission: "members.manage", icon: "👥" },
];
