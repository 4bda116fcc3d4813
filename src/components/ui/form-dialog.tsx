"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

/**
 * The scaffold every form dialog repeated: an always-open dialog closed by its parent, a form
 * without browser validation (the server's Spanish messages are shown instead) whose submit
 * is handled here, and the Cancel / submit buttons at the bottom right.
 */
export function FormDialog({
  title,
  description,
  wide,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  cancelLabel = "Cancelar",
  danger,
  children,
}: {
  title: string;
  description?: string;
  wide?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  cancelLabel?: string;
  /** The submit is destructive (red). */
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title} description={description} wide={wide}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant={danger ? "danger" : "primary"} busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
