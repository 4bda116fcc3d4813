"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { formatMoney, formatNumber, formatPercent } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS } from "@/lib/schemas/sale";
import { Badge, BillingTabs, Skeleton, Table, day, main, nights, num, readMoney, readQty, td, th, useCan, wide } from "./common";
import { FOLIO_STATUS } from "./folios-page";

const CHARGE_STATUS = { ON_FOLIO: "En el folio", PENDING: "Pendiente de facturar", INVOICING: "En lote", INVOICED: "Facturado", PAID_AT_CHECKOUT: "Cobrado", CANCELLED: "Cancelado", VOIDED: "Anulado" } as const;
const SOURCE = { ACCOUNT_SALE: "Punto de venta", ROOM_SALE: "Punto de venta", MANUAL: "Manual" } as const;

export function FolioDetail({ slug, id }: { slug: string; id: string }) {
  const q = trpc.billing.folio.useQuery({ id });
  const canWrite = useCan("billing.write");
  const [adding, setAdding] = useState(false);
  const [checkout, setCheckout] = useState(false);
  const [changing, setChanging] = useState<{ chargeId: string; kind: "void" | "transfer" } | null>(null);
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Skeleton rows={5} />;
  const { folio, charges } = q.data;
  const open = folio.status === "OPEN";
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title={`Folio · Hab. ${folio.roomNumber}`}
        description={`${folio.guestName} · ${day(folio.checkIn)} → ${day(folio.checkOut)}${folio.customerName ? ` · Factura a ${folio.customerName}` : ""}`}
        actions={
          open && canWrite ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setAdding(true)}>
                Agregar cargo
              </Button>
              <Button onClick={() => setCheckout(true)}>Checkout</Button>
            </div>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Badge tone={FOLIO_STATUS[folio.status][1]}>{FOLIO_STATUS[folio.status][0]}</Badge>
        <span className="text-lg font-semibold tabular-nums" data-testid="folio-total">
          Total {formatMoney(folio.total)}
        </span>
      </div>
      <Table
        head={
          <tr>
            <th className={`${th} ${wide}`}>Fecha</th>
            <th className={th}>Concepto</th>
            <th className={`${th} ${wide}`}>Origen</th>
            <th className={`${th} ${wide}`}>IVA</th>
            <th className={`${th} ${wide}`}>Estado</th>
            <th className={`${th} text-right`}>Importe</th>
            <th className={`${th} ${wide}`} />
          </tr>
        }
        empty={charges.length === 0 ? "Sin cargos todavía: cargá consumos desde el punto de venta («Cargo a habitación») o agregalos a mano." : undefined}
      >
        {charges.map((c) => (
          <tr key={c.id} className={c.status === "VOIDED" || c.status === "CANCELLED" ? "opacity-60" : ""}>
            <td className={`${td} ${wide}`}>{day(c.chargedOn)}</td>
            <td className={`${td} ${main}`}>
              {c.description}
              <span className="block text-xs text-slate-500 sm:hidden">
                {day(c.chargedOn)} · {CHARGE_STATUS[c.status as keyof typeof CHARGE_STATUS] ?? c.status}
              </span>
              {open && canWrite && c.status === "ON_FOLIO" ? (
                <span className="mt-1 flex gap-1 sm:hidden">
                  <Button variant="ghost" onClick={() => setChanging({ chargeId: c.id, kind: "transfer" })}>
                    Mover
                  </Button>
                  <Button variant="ghost" className="text-red-700" onClick={() => setChanging({ chargeId: c.id, kind: "void" })}>
                    Anular
                  </Button>
                </span>
              ) : null}
            </td>
            <td className={`${td} ${wide}`}>{SOURCE[c.source]}</td>
            <td className={`${td} ${wide}`}>{c.byRate.map((r) => formatPercent(r.rate)).join(" · ")}</td>
            <td className={`${td} ${wide}`}>{CHARGE_STATUS[c.status as keyof typeof CHARGE_STATUS] ?? c.status}</td>
            <td className={num}>{formatMoney(c.total)}</td>
            <td className={`${td} ${wide}`}>
              {open && canWrite && c.status === "ON_FOLIO" ? (
                <div className="flex gap-1">
                  <Button variant="ghost" onClick={() => setChanging({ chargeId: c.id, kind: "transfer" })}>
                    Mover
                  </Button>
                  <Button variant="ghost" className="text-red-700" onClick={() => setChanging({ chargeId: c.id, kind: "void" })}>
                    Anular
                  </Button>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
      {adding ? <AddChargeDialog folioId={id} stayNights={nights(folio.checkIn, folio.checkOut)} onClose={() => setAdding(false)} /> : null}
      {checkout ? <CheckoutDialog folio={folio} onClose={() => setCheckout(false)} /> : null}
      {changing ? <ChangeChargeDialog folioId={id} {...changing} onClose={() => setChanging(null)} /> : null}
    </div>
  );
}

function AddChargeDialog({ folioId, stayNights, onClose }: { folioId: string; stayNights: number; onClose: () => void }) {
  const utils = trpc.useUtils();
  // Room nights are the usual manual charge: the stay's nights are the starting quantity.
  const [form, setForm] = useState({ description: "Noche de habitación", quantity: String(stayNights), unitPrice: "", ivaRate: "21" as "0" | "10.5" | "21" | "27" });
  const [local, setLocal] = useState<string | null>(null);
  const add = trpc.billing.addFolioCharge.useMutation({
    onSuccess: () => {
      void utils.billing.folio.invalidate({ id: folioId });
      onClose();
    },
  });
  const errs = fieldErrors(add.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Agregar cargo al folio">
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const q = readQty(form.quantity);
          const p = readMoney(form.unitPrice, "Precio");
          if (!q.ok) return setLocal(q.message);
          if (!p.ok) return setLocal(p.message);
          setLocal(null);
          add.mutate({ folioId, lines: [{ description: form.description, quantity: q.value, unitPrice: p.value, ivaRate: form.ivaRate }] });
        }}
      >
        <Field label="Concepto" error={errs["lines.0.description"]}>
          <Input value={form.description} onChange={set("description")} maxLength={200} autoFocus />
        </Field>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Field label="Cantidad" hint={stayNights > 1 ? `La estadía tiene ${stayNights} noches` : undefined}>
            <NumberInput kind="quantity" label="Cantidad" value={form.quantity} onValueChange={(quantity) => setForm((f) => ({ ...f, quantity }))} />
          </Field>
          <Field label="Precio unitario (IVA incl.)">
            <NumberInput kind="money" label="Precio" value={form.unitPrice} onValueChange={(unitPrice) => setForm((f) => ({ ...f, unitPrice }))} placeholder="45.000" />
          </Field>
          <Field label="IVA">
            <Select value={form.ivaRate} onChange={set("ivaRate")}>
              <option value="21">21 %</option>
              <option value="10.5">10,5 %</option>
              <option value="27">27 %</option>
              <option value="0">0 %</option>
            </Select>
          </Field>
        </div>
        {local ? <Alert>{local}</Alert> : null}
        {add.error ? <Alert>{errorMessage(add.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={add.isPending}>
            Agregar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

type Folio = { id: string; total: string; customerId: string | null; customerName: string | null; roomNumber: string };

function CheckoutDialog({ folio, onClose }: { folio: Folio; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [mode, setMode] = useState<"PAY" | "ACCOUNT">(folio.customerId ? "ACCOUNT" : "PAY");
  const sessions = trpc.billing.openSessions.useQuery(undefined, { enabled: mode === "PAY" });
  const [cashSessionId, setCashSessionId] = useState("");
  const [method, setMethod] = useState<(typeof PAYMENT_METHODS)[number]>("CASH");
  const [amount, setAmount] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const m = trpc.billing.checkout.useMutation({
    onSuccess: () => {
      void utils.billing.folio.invalidate({ id: folio.id });
      void utils.billing.folios.invalidate();
      onClose();
    },
    onSettled: () => setConfirm(false),
  });
  const go = () => {
    if (mode === "ACCOUNT") return m.mutate({ mode, folioId: folio.id });
    const a = readMoney(amount || folio.total);
    const session = cashSessionId || sessions.data?.[0]?.cashSessionId;
    if (!a.ok) return setLocal(a.message);
    if (!session) return setLocal("No hay una caja abierta: abrí una caja en el punto de venta para cobrar.");
    m.mutate({ mode, folioId: folio.id, cashSessionId: session, payments: [{ method, amount: a.value }] });
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Checkout · Hab. ${folio.roomNumber}`} description={`Total del folio: ${formatMoney(folio.total)}`}>
      <div className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">¿Cómo se cierra?</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" checked={mode === "PAY"} onChange={() => setMode("PAY")} /> Cobrar en el mostrador (se factura ahora)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" checked={mode === "ACCOUNT"} onChange={() => setMode("ACCOUNT")} disabled={!folio.customerId} /> A cuenta de{" "}
            {folio.customerName ?? "la empresa (el folio no tiene empresa)"}
          </label>
        </fieldset>
        {mode === "PAY" && sessions.data && sessions.data.length === 0 ? (
          <Alert kind="warning">No hay ninguna caja abierta: abrí una en el punto de venta para cobrar en el mostrador{folio.customerId ? ", o cerrá el folio a cuenta de la empresa" : ""}.</Alert>
        ) : null}
        {mode === "PAY" ? (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <Field label="Caja">
              <Select value={cashSessionId} onChange={(e) => setCashSessionId(e.target.value)}>
                {(sessions.data ?? []).map((s) => (
                  <option key={s.cashSessionId} value={s.cashSessionId}>
                    {s.registerName}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Medio de pago">
              <Select value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
                {PAYMENT_METHODS.map((p) => (
                  <option key={p} value={p}>
                    {PAYMENT_METHOD_LABELS[p]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Importe">
              <NumberInput kind="money" label="Importe" value={amount} onValueChange={setAmount} placeholder={formatNumber(folio.total, { minDecimals: 2, maxDecimals: 2 })} />
            </Field>
          </div>
        ) : null}
        {local ? <Alert>{local}</Alert> : null}
        {m.error ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button onClick={() => setConfirm(true)} disabled={mode === "PAY" && sessions.data?.length === 0}>
            {mode === "PAY" ? "Cobrar y cerrar" : "Cerrar a cuenta de la empresa"}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="¿Cerrar el folio?"
        description="Después no se pueden agregar cargos a esta estadía."
        confirmLabel="Cerrar folio"
        busy={m.isPending}
        onConfirm={go}
      />
    </Dialog>
  );
}

function ChangeChargeDialog({ folioId, chargeId, kind, onClose }: { folioId: string; chargeId: string; kind: "void" | "transfer"; onClose: () => void }) {
  const utils = trpc.useUtils();
  const folios = trpc.billing.folios.useQuery({ status: "OPEN" }, { enabled: kind === "transfer" });
  const [form, setForm] = useState({ reason: "", toFolioId: "", supervisorEmail: "", supervisorPassword: "" });
  const done = () => {
    void utils.billing.folio.invalidate();
    onClose();
  };
  const voidM = trpc.billing.voidFolioCharge.useMutation({ onSuccess: done });
  const moveM = trpc.billing.transferFolioCharge.useMutation({ onSuccess: done });
  const m = kind === "void" ? voidM : moveM;
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={kind === "void" ? "Anular cargo" : "Mover cargo a otra habitación"} description="Necesita la autorización de un supervisor.">
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (kind === "void") voidM.mutate({ chargeId, reason: form.reason, supervisorEmail: form.supervisorEmail, supervisorPassword: form.supervisorPassword });
          else moveM.mutate({ chargeId, toFolioId: form.toFolioId, supervisorEmail: form.supervisorEmail, supervisorPassword: form.supervisorPassword });
        }}
      >
        {kind === "void" ? (
          <Field label="Motivo" error={errs.reason}>
            <Input value={form.reason} onChange={set("reason")} maxLength={300} autoFocus />
          </Field>
        ) : (
          <Field label="Folio de destino" error={errs.toFolioId}>
            <Select value={form.toFolioId} onChange={set("toFolioId")}>
              <option value="">Elegí la habitación</option>
              {(folios.data ?? []).filter((f) => f.id !== folioId).map((f) => (
                <option key={f.id} value={f.id}>
                  Hab. {f.roomNumber} · {f.guestName}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="E-mail del supervisor" error={errs.supervisorEmail}>
            <Input value={form.supervisorEmail} onChange={set("supervisorEmail")} type="email" autoComplete="off" />
          </Field>
          <Field label="Contraseña del supervisor" error={errs.supervisorPassword}>
            <Input value={form.supervisorPassword} onChange={set("supervisorPassword")} type="password" autoComplete="off" />
          </Field>
        </div>
        {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending}>
            {kind === "void" ? "Anular" : "Mover"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
