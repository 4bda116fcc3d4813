"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Alert, Field, Input } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { formatCuit } from "@/lib/cuit";
import { Table, day, num, td, th } from "./common";

/** Cuenta corriente: receipts (debe), payments (haber) and the running balance. */
export function SupplierStatementPage({ slug, id }: { slug: string; id: string }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const q = trpc.purchasing.statement.useQuery({ supplierId: id, from: from || undefined, to: to || undefined });
  const s = trpc.purchasing.supplier.useQuery({ id });
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  return (
    <div>
      <Link href={`/${slug}/compras/proveedores`} className="text-sm text-teal-800 hover:underline">
        ← Proveedores
      </Link>
      <PageHeader
        title={`Cuenta corriente · ${q.data?.supplier.name ?? ""}`}
        description={q.data ? `CUIT ${formatCuit(q.data.supplier.cuit)} · plazo ${s.data?.paymentTermsDays ?? "—"} días` : undefined}
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <Field label="Desde">
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="Hasta">
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      {q.data ? (
        <>
          <div className="mb-4 grid gap-3 sm:grid-cols-2">
            <Card title="Saldo inicial">{formatMoney(q.data.opening)}</Card>
            <Card title="Saldo final">
              <span className="text-lg font-semibold">{formatMoney(q.data.closing)}</span>
            </Card>
          </div>
          <Table
            head={
              <tr>
                <th className={th}>Fecha</th>
                <th className={th}>Concepto</th>
                <th className={`${th} text-right`}>Debe</th>
                <th className={`${th} text-right`}>Haber</th>
                <th className={`${th} text-right`}>Saldo</th>
              </tr>
            }
            empty={q.data.lines.length === 0 ? "Sin movimientos en el período." : undefined}
          >
            {q.data.lines.map((l, i) => (
              <tr key={i}>
                <td className={td}>{day(l.date)}</td>
                <td className={td}>{l.description}</td>
                <td className={num}>{l.debit === "0.00" ? "" : formatMoney(l.debit)}</td>
                <td className={num}>{l.credit === "0.00" ? "" : formatMoney(l.credit)}</td>
                <td className={num}>{formatMoney(l.balance)}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : (
        <p className="text-sm text-slate-500">Cargando…</p>
      )}
    </div>
  );
}
