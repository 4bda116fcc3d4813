"use client";
import { FormDialog } from "@/components/ui/form-dialog";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/number";
import { Badge, BillingTabs, Skeleton, Table, day, main, nextDay, num, td, th, todayAr, useCan, wide } from "./common";

export const FOLIO_STATUS = { OPEN: ["Abierto", "info"], CLOSED_PAID: ["Cobrado", "ok"], CLOSED_ACCOUNT: ["A cuenta de la empresa", "muted"] } as const;

export function FoliosPage({ slug }: { slug: string }) {
  const [status, setStatus] = useState<"OPEN" | "CLOSED" | "">("OPEN");
  const [opening, setOpening] = useState(false);
  const [search, setSearch] = useState("");
  const canWrite = useCan("billing.write");
  const q = trpc.billing.folios.useQuery({ status: status || undefined, search: search.trim() || undefined });
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title="Folios de habitación"
        description="La cuenta de cada estadía: cargos del punto de venta y a mano, y el checkout (cobro en el mostrador o a cuenta de la empresa)."
        actions={canWrite ? <Button onClick={() => setOpening(true)}>Abrir folio</Button> : null}
      />
      <div className="mb-3 grid max-w-xl grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Buscar">
          <Input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Habitación o huésped" maxLength={80} />
        </Field>
        <Field label="Mostrar">
          <Select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="OPEN">Abiertos</option>
            <option value="CLOSED">Cerrados</option>
            <option value="">Todos</option>
          </Select>
        </Field>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <Skeleton /> : null}
      {q.data && q.data.length === 0 && status === "OPEN" && !search.trim() ? (
        <EmptyState title="No hay folios abiertos" action={canWrite ? <Button onClick={() => setOpening(true)}>Abrir un folio</Button> : null}>
          Abrí un folio al hacer el check-in para cargar a la habitación el minibar, el restaurante y las noches.
        </EmptyState>
      ) : q.data ? (
        <Table
          head={
            <tr>
              <th className={th}>Habitación</th>
              <th className={`${th} ${wide}`}>Huésped</th>
              <th className={`${th} ${wide}`}>Estadía</th>
              <th className={`${th} ${wide}`}>Empresa</th>
              <th className={`${th} ${wide}`}>Estado</th>
              <th className={`${th} text-right`}>Total</th>
            </tr>
          }
          empty={q.data.length === 0 ? "No hay folios con ese filtro: probá con «Todos» o con otra habitación." : undefined}
        >
          {q.data.map((f) => (
            <tr key={f.id}>
              <td className={`${td} ${main}`}>
                <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/folios/${f.id}`}>
                  Hab. {f.roomNumber}
                </Link>
                <span className="block whitespace-normal text-xs text-slate-600 sm:hidden">
                  {f.guestName} · {day(f.checkIn)} → {day(f.checkOut)} · {FOLIO_STATUS[f.status][0]}
                </span>
              </td>
              <td className={`${td} ${wide}`}>{f.guestName}</td>
              <td className={`${td} ${wide}`}>
                {day(f.checkIn)} → {day(f.checkOut)}
              </td>
              <td className={`${td} ${wide}`}>{f.customerName ?? "—"}</td>
              <td className={`${td} ${wide}`}>
                <Badge tone={FOLIO_STATUS[f.status][1]}>{FOLIO_STATUS[f.status][0]}</Badge>
              </td>
              <td className={num}>{formatMoney(f.total)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {opening ? <OpenFolioDialog slug={slug} onClose={() => setOpening(false)} /> : null}
    </div>
  );
}

function OpenFolioDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
  const utils = trpc.useUtils();
  const customers = trpc.customers.list.useQuery({});
  // A stay is at least one night: the check-out starts the day after the check-in.
  const [form, setForm] = useState({ roomNumber: "", guestName: "", guestDocNumber: "", checkIn: todayAr(), checkOut: nextDay(todayAr()), customerId: "" });
  const open = trpc.billing.openFolio.useMutation({
    onSuccess: (r) => {
      void utils.billing.folios.invalidate();
      window.location.assign(`/${slug}/folios/${r.folioId}`);
    },
  });
  const errs = fieldErrors(open.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const setCheckIn = (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, checkIn: e.target.value, checkOut: e.target.value && f.checkOut <= e.target.value ? nextDay(e.target.value) : f.checkOut }));
  const companies = (customers.data ?? []).filter((c) => c.accountEnabled && c.active);
  return (
    <FormDialog
      title="Abrir folio"
      onClose={onClose}
      submitLabel="Abrir folio"
      busy={open.isPending}
      onSubmit={() => {
        open.mutate({ ...form, customerId: form.customerId || null });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Habitación" error={errs.roomNumber}>
          <Input value={form.roomNumber} onChange={set("roomNumber")} autoFocus maxLength={20} invalid={!!errs.roomNumber} />
        </Field>
        <Field label="Documento del huésped" error={errs.guestDocNumber}>
          <Input value={form.guestDocNumber} onChange={set("guestDocNumber")} maxLength={20} />
        </Field>
      </div>
      <Field label="Huésped" error={errs.guestName}>
        <Input value={form.guestName} onChange={set("guestName")} maxLength={200} invalid={!!errs.guestName} />
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Ingreso" error={errs.checkIn}>
          <Input type="date" value={form.checkIn} onChange={setCheckIn} />
        </Field>
        <Field label="Salida" error={errs.checkOut}>
          <Input type="date" value={form.checkOut} onChange={set("checkOut")} />
        </Field>
      </div>
      <Field label="Empresa a facturar (opcional)" error={errs.customerId} hint="Solo clientes con cuenta corriente habilitada (se cargan en Clientes).">
        <Select value={form.customerId} onChange={set("customerId")}>
          <option value="">— El huésped paga al retirarse —</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      {open.error && !Object.keys(errs).length ? <Alert>{errorMessage(open.error)}</Alert> : null}
    </FormDialog>
  );
}
