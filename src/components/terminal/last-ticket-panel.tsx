"use client";
import { useEffect, useMemo } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Ticket } from "./ticket";
import type { useCheckout } from "./use-checkout";
import type { TerminalRuntime } from "./use-terminal-runtime";

/**
 * The last ticket, shown as soon as the sale is confirmed; printed on a key (Alt+I) or by
 * itself when the register is set to. Once the server issued the fiscal document, its
 * printable view (CAE, due date, ARCA QR) is one link away.
 */
export function LastTicketPanel({ slug, rt, checkout, online }: { slug: string; rt: TerminalRuntime; checkout: ReturnType<typeof useCheckout>; online: boolean }) {
  const t = checkout.last;
  const ctx = rt.context;
  // One object per context, so the memoized ticket does not re-render on every key.
  const business = useMemo(() => (ctx ? { ...ctx.business, name: ctx.tenant.name } : null), [ctx]);
  useEffect(() => {
    if (checkout.printRequest > 0) window.print();
  }, [checkout.printRequest]);
  if (!t || !business) return null;
  return (
    <section className="space-y-2" aria-label="Último ticket">
      <div className="no-print flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold text-slate-700">Último ticket</h2>
        <Button variant="secondary" className="min-h-11" onClick={checkout.reprint}>
          Reimprimir (Alt+I)
        </Button>
        {t.ticketNumber && online ? (
          <Link className="min-h-11 content-center text-sm font-medium text-teal-800 underline" href={`/${slug}/pos/ticket/${t.saleId}`}>
            Comprobante con CAE
          </Link>
        ) : null}
      </div>
      <Ticket t={t} business={business} printable />
    </section>
  );
}
