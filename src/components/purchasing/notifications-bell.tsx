"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc } from "@/lib/trpc/react";
import { formatDateTime } from "@/lib/format";
import { Icon } from "@/components/ui/icon";

/** The header bell: unread count (polled) and the latest alerts; opening marks them read. */
export function NotificationsBell({ slug }: { slug: string }) {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const count = trpc.notifications.unreadCount.useQuery(undefined, { refetchInterval: 60_000 });
  const list = trpc.notifications.list.useQuery(undefined, { enabled: open });
  const markRead = trpc.notifications.markRead.useMutation({ onSuccess: () => Promise.all([utils.notifications.unreadCount.invalidate(), utils.notifications.list.invalidate()]) });
  const unread = count.data ?? 0;
  return (
    <div className="relative">
      <button
        className="relative rounded-md p-1.5 text-slate-700 hover:bg-slate-100"
        aria-label={unread ? `Notificaciones: ${unread} sin leer` : "Notificaciones"}
        aria-expanded={open}
        onClick={() => {
          const next = !open;
          setOpen(next);
          if (next) void list.refetch();
          if (!next && unread) markRead.mutate({});
        }}
      >
        <Icon name="bell" />
        {unread ? (
          <span data-testid="unread-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div role="dialog" aria-label="Notificaciones" className="absolute right-0 z-30 mt-2 w-80 max-w-[90vw] rounded-lg border border-slate-200 bg-white shadow-lg">
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
                  <div className="mt-0.5 text-[11px] text-slate-400">{formatDateTime(n.createdAt)}</div>
                </Link>
              </li>
            ))}
            {list.data && list.data.items.length === 0 ? <li className="px-3 py-6 text-center text-sm text-slate-500">No hay notificaciones.</li> : null}
            {!list.data ? <li className="px-3 py-6 text-center text-sm text-slate-500">Cargando…</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
