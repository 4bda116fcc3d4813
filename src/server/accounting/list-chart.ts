import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { ensureChart } from "./ensure-chart";
import { MAPPING_KEYS, MAPPING_KEY_LIST } from "./chart-defaults";

export const ZLedgerAccount = z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.enum(["ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE"]), active: z.boolean() });
export const ZListChartResponse = z.object({
  accounts: z.array(ZLedgerAccount),
  mappings: z.array(z.object({ key: z.string(), label: z.string(), scope: z.string(), accountId: z.uuid() })),
});
export type TListChartResponse = z.infer<typeof ZListChartResponse>;

/** The chart and the event mapping (created with the defaults on first use). */
export async function listChart(tx: Tx): Promise<TListChartResponse> {
  await ensureChart(tx);
  const accounts = await tx.execute<{ id: string; code: string; name: string; type: string; active: boolean }>(
    sql`select id, code, name, type, active from ledger_accounts order by code`,
  );
  const mappings = await tx.execute<{ key: string; scope: string; account_id: string }>(sql`select key, scope, account_id from account_mappings order by key, scope`);
  const order = new Map(MAPPING_KEY_LIST.map((k, i) => [k as string, i]));
  return {
    accounts: accounts.map((a) => ({ id: a.id, code: a.code, name: a.name, type: a.type as TListChartResponse["accounts"][number]["type"], active: a.active })),
    mappings: mappings
      .map((m) => ({ key: m.key, scope: m.scope, accountId: m.account_id, label: MAPPING_KEYS[m.key as keyof typeof MAPPING_KEYS]?.label ?? m.key }))
      .sort((a, b) => (order.get(a.key) ?? 999) - (order.get(b.key) ?? 999) || a.scope.localeCompare(b.scope)),
  };
}
