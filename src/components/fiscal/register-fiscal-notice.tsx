"use client";
import { trpc } from "@/lib/trpc/react";
import { Alert } from "@/components/ui/field";

/**
 * Before a sale: warns when the register's point of sale is not valid at ARCA (from the daily
 * cache of FEParamGetPtosVenta). Silent while loading, offline, or when all is well.
 */
export function RegisterFiscalNotice({ registerId, fiscalEnabled }: { registerId: string; fiscalEnabled: boolean }) {
  const q = trpc.fiscal.registerPointOfSale.useQuery({ registerId }, { enabled: fiscalEnabled, retry: false, staleTime: 5 * 60_000 });
  if (!fiscalEnabled || !q.data || q.data.ok || !q.data.message) return null;
  return (
    <div className="no-print">
      <Alert kind="warning">{q.data.message}</Alert>
    </div>
  );
}
