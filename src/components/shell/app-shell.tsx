"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { signOut } from "next-auth/react";
import { NAV_ITEMS } from "./nav-items";
import { Icon } from "@/components/ui/icon";
import { ROLE_LABELS, type Permission, type Role } from "@/lib/permissions";
import { trpc } from "@/lib/trpc/react";
import { NotificationsBell } from "@/components/purchasing/notifications-bell";
import { MenuDrawer } from "./menu-drawer";

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function AppShell({
  slug,
  tenantName,
  role,
  permissions,
  userName,
  children,
}: {
  slug: string;
  tenantName: string;
  role: Role;
  permissions: Permission[];
  userName: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const allowed = new Set(permissions);
  const items = NAV_ITEMS.filter((i) => i.permission === null || allowed.has(i.permission));
  const base = `/${slug}`;
  const nav = (
    <nav aria-label="Principal" className="space-y-0.5 px-2 pb-4">
      {items.map((item) => {
        const href = base + item.href;
        const active = item.href === "" ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={item.href}
            href={href}
            onClick={() => setMenuOpen(false)}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm ${active ? "bg-teal-50 font-medium text-teal-900" : "text-slate-700 hover:bg-slate-100"}`}
          >
            <Icon name={item.icon} />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
  return (
    <div className="min-h-screen md:flex">
      <aside className="no-print hidden border-slate-200 bg-white md:block md:min-h-screen md:w-60 md:shrink-0 md:border-r">
        <div className="px-5 py-4">
          <Link href={base} className="text-lg font-bold text-teal-800">
            Mostrador
          </Link>
        </div>
        {nav}
      </aside>
      <div className="min-w-0 flex-1">
        <header className="no-print flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <MenuDrawer open={menuOpen} onOpenChange={setMenuOpen} home={base}>
              {nav}
              <div className="space-y-2 border-t border-slate-200 px-5 py-4 text-sm sm:hidden">
                <p className="text-slate-700">
                  {userName} · <span className="text-slate-600">{ROLE_LABELS[role]}</span>
                </p>
                <div className="flex items-center gap-3">
                  <Link href="/cuenta" className="rounded-md py-1.5 text-teal-700 hover:underline" onClick={() => setMenuOpen(false)}>
                    Mi cuenta
                  </Link>
                  <SignOutButton />
                </div>
              </div>
            </MenuDrawer>
            <BusinessSwitcher slug={slug} tenantName={tenantName} />
          </div>
          <div className="flex shrink-0 items-center gap-2 text-sm">
            <NotificationsBell slug={slug} />
            <span className="hidden text-slate-600 lg:inline">
              {userName} · <span className="text-slate-600">{ROLE_LABELS[role]}</span>
            </span>
            {/* On phones these two live in the menu drawer, leaving the business name room. */}
            <Link href="/cuenta" className="hidden whitespace-nowrap rounded-md px-1 py-1.5 text-sm text-teal-700 hover:underline sm:inline">
              Mi cuenta
            </Link>
            <span className="hidden sm:inline">
              <SignOutButton />
            </span>
          </div>
        </header>
        <main className="mx-auto max-w-7xl p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}

function BusinessSwitcher({ slug, tenantName }: { slug: string; tenantName: string }) {
  const router = useRouter();
  const businesses = trpc.tenancy.myBusinesses.useQuery();
  return (
    <label className="flex min-w-0 items-center gap-2">
      <span className="sr-only">Negocio</span>
      <select
        aria-label="Cambiar de negocio"
        className="w-full min-w-0 max-w-xs truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium"
        value={slug}
        onChange={(e) => {
          if (e.target.value === "__new") router.push("/negocios");
          else router.push(`/${e.target.value}`);
        }}
      >
        {(businesses.data ?? [{ slug, name: tenantName }]).map((b) => (
          <option key={b.slug} value={b.slug}>
            {b.name}
          </option>
        ))}
        <option value="__new">+ Otro negocio…</option>
      </select>
    </label>
  );
}

export function SignOutButton() {
  return (
    <button
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
      onClick={async () => {
        // The offline POS blocks sign-out while sales wait to sync (it listens for this event).
        const ev = new CustomEvent("mostrador:before-sign-out", { cancelable: true });
        if (!window.dispatchEvent(ev)) return;
        await signOut({ callbackUrl: "/ingresar" });
      }}
    >
      Salir
    </button>
  );
}
