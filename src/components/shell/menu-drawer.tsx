"use client";
import * as D from "@radix-ui/react-dialog";
import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The navigation on phones: a panel that slides over the page from the left. Focus moves into
 * it, stays there while it is open, Esc or a tap outside closes it and focus returns to the
 * menu button (Radix dialog). Hidden from md up, where the sidebar is always shown.
 */
export function MenuDrawer({ open, onOpenChange, home, children }: { open: boolean; onOpenChange: (open: boolean) => void; home: string; children: ReactNode }) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Trigger className="shrink-0 rounded p-1 text-xl md:hidden" aria-label="Menú">
        <span aria-hidden>☰</span>
      </D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40 md:hidden" />
        <D.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-white shadow-xl md:hidden">
          <div className="flex items-center justify-between px-5 py-4">
            <D.Title asChild>
              <Link href={home} className="text-lg font-bold text-teal-800" onClick={() => onOpenChange(false)}>
                Mostrador
              </Link>
            </D.Title>
            <D.Close className="rounded p-1 text-slate-600 hover:bg-slate-100" aria-label="Cerrar menú">
              <span aria-hidden>✕</span>
            </D.Close>
          </div>
          <D.Description className="sr-only">Secciones del negocio</D.Description>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
