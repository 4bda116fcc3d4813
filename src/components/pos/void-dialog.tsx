"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input } from "@/components/ui/field";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { formatMoney } from "@/lib/format";

/**
 * Voiding needs a supervisor: they type their own e-mail and password on this screen.
 * Stock goes back, the money leaves the drawer as a VOID movement.
 */
export function VoidDialog({
  open,
  onOpenChange,
  sale,
  onVoided,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  sale: { id: string; ticketNumber: number; total: string } | null;
  onVoided?: () => void;
}) {
  const [reason, setReason] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const utils = trpc.useUtils();
  const m = trpc.pos.voidSale.useMutation({
    onSuccess: () => {
      setPassword("");
      void utils.pos.sales.invalidate();
      void utils.pos.sale.invalidate();
      onVoided?.();
    },
  });
  const errs = fieldErrors(m.error);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o) {
          m.reset();
          setPassword("");
        }
      }}
      title={m.data ? `Anular ticket N° ${m.data.ticketNumber}` : sale ? `Anular ticket N° ${sale.ticketNumber}` : "Anular venta"}
      description={sale ? `Total ${formatMoney(sale.total)}. Se devuelve el stock y el dinero sale de la caja.` : undefined}
    >
      {m.data ? (
        <div className="space-y-3">
          <Alert kind="success">
            Ticket N° {m.data.ticketNumber} anulado. Autorizó: {m.data.authorizedBy}.
            {m.data.fiscalStatus === "CREDIT_NOTE_PENDING" ? " Se emitirá la nota de crédito." : ""}
          </Alert>
          <div className="flex justify-end">
            <Button onClick={() => onOpenChange(false)}>Listo</Button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!sale) return;
            m.mutate({ saleId: sale.id, reason, supervisorEmail: email, supervisorPassword: password });
          }}
        >
          <Field label="Motivo" error={errs.reason}>
            <Input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Ej.: el cliente se arrepintió" />
          </Field>
          <Field label="E-mail del supervisor" error={errs.supervisorEmail}>
            <Input type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Field label="Contraseña del supervisor" error={errs.supervisorPassword}>
            <Input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancelar
            </Button>
            <Button type="submit" variant="danger" busy={m.isPending} disabled={!sale}>
              Autorizar y anular
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
