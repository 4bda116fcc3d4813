"use client";
import { errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/field";

/** The small create dialogs of the catalog pages: a form, its error, Cancelar / Guardar. */
export function SimpleForm({
  title,
  open,
  onOpenChange,
  pending,
  error,
  onSubmit,
  children,
}: {
  title: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  const errs = error ? fieldErrors(error) : {};
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {error && !Object.keys(errs).length ? <Alert>{errorMessage(error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={pending}>
            Guardar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
