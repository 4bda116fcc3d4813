"use client";
import * as D from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

/** Radix dialog with our look: title, optional description, body. Esc and outside click close it. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  trigger,
  wide,
  onOpenAutoFocus,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  trigger?: ReactNode;
  wide?: boolean;
  /** Where the focus goes on open (default: the first focusable control). */
  onOpenAutoFocus?: (e: Event) => void;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <D.Trigger asChild>{trigger}</D.Trigger> : null}
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <D.Content
          onOpenAutoFocus={onOpenAutoFocus}
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl ${wide ? "max-w-3xl" : "max-w-lg"}`}
        >
          <D.Title className="text-lg font-semibold text-slate-900">{title}</D.Title>
          {description ? <D.Description className="mt-1 text-sm text-slate-600">{description}</D.Description> : <D.Description className="sr-only">{title}</D.Description>}
          <div className="mt-4">{children}</div>
          <D.Close className="absolute right-3 top-3 rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Cerrar">
            ✕
          </D.Close>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** Asks before a destructive act. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  busy,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <div className="flex justify-end gap-2">
        <button className="rounded-md border border-slate-300 px-4 py-2 text-sm" onClick={() => onOpenChange(false)}>
          Cancelar
        </button>
        <button className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
