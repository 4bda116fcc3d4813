"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type AreaTab = {
  /** Absolute path (`/${slug}/…`). */
  href: string;
  label: string;
  /** Active only on this exact path (an area's index tab), not on everything below it. */
  exact?: boolean;
  /** Other paths that also belong to this tab (a product's detail under the products tab). */
  alsoActive?: RegExp;
};

/**
 * Second-level navigation of an area (inventory, purchasing, billing, accounting): one row of
 * links under the page title, the current one marked for screen readers (aria-current).
 * `wrap` lets a long row break onto a second line instead of scrolling sideways.
 */
export function AreaTabs({ label, tabs, wrap = false }: { label: string; tabs: AreaTab[]; wrap?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={`no-print mb-5 flex gap-1 border-b border-slate-200 ${wrap ? "flex-wrap" : "overflow-x-auto"}`}>
      {tabs.map((t) => {
        const active = (t.exact ? pathname === t.href : pathname.startsWith(t.href)) || (t.alsoActive?.test(pathname) ?? false);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm ${active ? "border-teal-700 font-medium text-teal-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
