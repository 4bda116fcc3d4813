"use client";
import { useParams } from "next/navigation";
import { AreaTabs } from "@/components/ui/area-tabs";
import { useEffect, useState } from "react";
import type { Permission } from "@/lib/permissions";
import { useCan } from "@/components/auth/permissions";

export const MOVEMENT_LABELS: Record<string, string> = {
  IN: "Ingreso",
  OUT: "Egreso",
  TRANSFER: "Transferencia",
  SALE: "Venta",
  CONSUME: "Consumo",
  AUDIT: "Ajuste por conteo",
  UNPACK: "Desarme",
  RETURN: "Devolución",
};
export const DESTINATION_LABELS: Record<string, string> = { KITCHEN: "Cocina", ROOM: "Habitación", CUSTOMER: "Cliente", INTERNAL: "Interno" };
export const BASE_UNIT_LABELS: Record<string, string> = { g: "g", ml: "ml", unit: "unidades" };

export function useSlug(): string {
  return useParams<{ slug: string }>().slug;
}

export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

const TABS: { href: string; label: string; permission: Permission }[] = [
  { href: "", label: "Productos", permission: "catalog.read" },
  { href: "/movimientos", label: "Movimientos", permission: "movements.read" },
  { href: "/bajas", label: "Bajas", permission: "stock.exit" },
  { href: "/familias", label: "Familias", permission: "catalog.read" },
  { href: "/packs", label: "Packs", permission: "catalog.read" },
  { href: "/categorias", label: "Categorías", permission: "catalog.read" },
  { href: "/depositos", label: "Depósitos", permission: "catalog.read" },
  { href: "/valorizacion", label: "Valorización", permission: "reports.read" },
];

export function InventoryTabs() {
  const slug = useSlug();
  const can = useCan();
  const base = `/${slug}/inventario`;
  // The products tab is the area's index: active there and on a product's detail page.
  const tabs = TABS.filter((t) => can(t.permission)).map((t) =>
    t.href === "" ? { href: base, label: t.label, exact: true, alsoActive: /\/inventario\/productos\// } : { href: base + t.href, label: t.label },
  );
  return <AreaTabs label="Inventario" wrap tabs={tabs} />;
}

/** Expiry badge: red when expired, amber within the alert window. */
export function ExpiryBadge({ expiresAt, days, alertDays = 15 }: { expiresAt: string | null; days: number | null; alertDays?: number }) {
  if (!expiresAt || days === null) return <span className="text-slate-400">—</span>;
  const [y, m, d] = expiresAt.split("-");
  const label = `${d}/${m}/${y}`;
  if (days < 0)
    return <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Vencido {label}</span>;
  if (days <= alertDays)
    return (
      <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
        Vence {label} ({days === 0 ? "hoy" : `en ${days} d`})
      </span>
    );
  return <span>{label}</span>;
}
