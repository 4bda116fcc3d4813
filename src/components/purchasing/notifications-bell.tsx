"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/lib/trpc/react";
import { formatDateTime } from "@/lib/format";
import { Icon } from "@/components/ui/icon";

/** The header bell: unread count (polled) and the latest alerts; opening marks them read. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function NotificationsBell({ slug }: { slug: string }) {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const count = trpc.notifications.unreadCount.useQuery(undefined, { refetchInterval: 60_000 });
  const list = trpc.notifications.list.useQuery(undefined, { enabled: open });
  const markRead = trpc.notifications.markRead.useMutation({ onSuccess: () => Promise.all([utils.notifications.unreadCount.invalidate(), utils.notifications.list.invalidate()]) });
  const unread = count.data ?? 0;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = (next: boolean, returnFocus = false) => {
    setOpen(next);
    if (next) void list.refetch();
    if (!next && unread) markRead.mutate({});
    if (!next && returnFocus) button.current?.focus();
  };
  // Focus goes into the popover when it opens; Esc closes it and gives focus back to the bell;
  // a click elsewhere closes it.
  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") toggle(false, true);
    };
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) toggle(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- bound to opening, not to every count refresh
  }, [open]);
  return (
    <div className="relative">
      <button
        ref={button}
        className="relative rounded-md p-1.5 text-slate-700 hover:bg-slate-100"
        aria-label={unread ? `Notificaciones: ${unread} sin leer` : "Notificaciones"}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => toggle(!open)}
      >
        <Icon name="bell" />
        {unread ? (
          <span data-testid="unread-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panel}
          tabIndex={-1}
          role="dialog"
          aria-label="Notificaciones"
          className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white shadow-lg focus:outline-none"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="text-sm font-semibold">Notificaciones</span>
            {unread ? (
              <button className="text-xs text-teal-800 hover:underline" onClick={() => markRead.mutate({})}>
                Marcar todas como leídas
              </button>
            ) : null}
          </div>
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {(list.data?.items ?? []).map((n) => (
              <li key={n.id} className={n.read ? "" : "bg-amber-50/60"}>
                <Link
                  href={n.link ? `/${slug}${n.link}` : `/${slug}`}
                  className="block px-3 py-2 hover:bg-slate-50"
                  onClick={() => {
                    setOpen(false);
                    if (!n.read) markRead.mutate({ ids: [n.id] });
                  }}
                >
                  <div className="text-sm font-medium text-slate-900">{n.title}</div>
                  {n.body ? <div className="text-xs text-slate-600">{n.body}</div> : null}
                  <div className="mt-0.5 text-[11px] text-slate-600">{formatDateTime(n.createdAt)}</div>
                </Link>
              </li>
            ))}
            {list.data && list.data.items.length === 0 ? <li className="px-3 py-6 text-center text-sm text-slate-600">No hay notificaciones.</li> : null}
            {!list.data ? <li className="px-3 py-6 text-center text-sm text-slate-600">Cargando…</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
