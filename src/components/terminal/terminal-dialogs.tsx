"use client";
import { ZERO, type Decimal } from "@/lib/decimal";
import type { PosContext } from "@/lib/schemas/pos-wire";
import type { CartCustomer, Payment } from "@/pos/cart";
import { CloseSessionDialog } from "@/components/pos/close-session-dialog";
import { VoidDialog } from "@/components/pos/void-dialog";
import { CashMovementDialog } from "./cash-movement-dialog";
import { CustomerDialog } from "./customer-dialog";
import { PaymentDialog } from "./payment-dialog";
import type { useCheckout } from "./use-checkout";
import type { TerminalRuntime } from "./use-terminal-runtime";

export type DialogName = "customer" | "movement" | "void" | "close";

/** Every dialog of the selling screen in one place (each owns its keys while open). */
export function TerminalDialogs(props: {
  dialog: DialogName | null;
  setDialog: (d: DialogName | null) => void;
  rt: TerminalRuntime;
  register: PosContext["registers"][number];
  checkout: ReturnType<typeof useCheckout>;
  total: Decimal | null;
  onPay: (p: Payment[]) => void;
  onClosePayment: () => void;
  onCustomer: (c: CartCustomer) => void;
  onVoided: () => void;
  onSessionClosed: () => void;
}) {
  const { dialog, setDialog, rt, register, checkout } = props;
  const toggle = (name: DialogName) => (o: boolean) => setDialog(o ? name : null);
  const last = checkout.last;
  return (
    <>
      <PaymentDialog
        open={checkout.paying && props.total !== null}
        onOpenChange={(o) => (o ? undefined : props.onClosePayment())}
        total={props.total ?? ZERO}
        busy={checkout.busy}
        error={checkout.error}
        onConfirm={props.onPay}
      />
      <CustomerDialog open={dialog === "customer"} onOpenChange={toggle("customer")} onPick={props.onCustomer} search={rt.searchCustomers} queueOp={rt.queueOp} />
      {register.cashSessionId ? (
        <CashMovementDialog open={dialog === "movement"} onOpenChange={toggle("movement")} cashSessionId={register.cashSessionId} queueOp={rt.queueOp} />
      ) : null}
      <VoidDialog
        open={dialog === "void"}
        onOpenChange={toggle("void")}
        sale={last?.ticketNumber ? { id: last.saleId, ticketNumber: last.ticketNumber, total: last.display.total } : null}
        onVoided={props.onVoided}
      />
      {register.cashSessionId ? (
        <CloseSessionDialog open={dialog === "close"} onOpenChange={toggle("close")} cashSessionId={register.cashSessionId} onClosed={props.onSessionClosed} />
      ) : null}
    </>
  );
}
