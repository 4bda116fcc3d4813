import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";
import { DEFAULT_ACCOUNTS, MAPPING_KEYS } from "./chart-defaults";

/**
 * Creates the default chart and mapping the first time a tenant needs them; later calls only
 * add mapping keys that a newer version introduced (never overwriting the tenant's choices).
 * Conflict-free inserts, so two first uses at once create one chart.
 */
export async function ensureChart(tx: Tx): Promise<void> {
  const accounts = sql.join(
    DEFAULT_ACCOUNTS.map((a) => sql`(${a.code}, ${a.name}, ${a.type}::ledger_account_type)`),
    sql`, `,
  );
  const [{ n }] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from ledger_accounts`)) as unknown as [{ n: number }];
  if (n === 0) {
    await tx.execute(sql`
      insert into ledger_accounts (tenant_id, code, name, type)
      select ${TENANT}, v.code, v.name, v.type from (values ${accounts}) as v(code, name, type)
      on conflict (tenant_id, code) do nothing`);
  }
  const keys = sql.join(
    Object.entries(MAPPING_KEYS).map(([key, m]) => sql`(${key}, ${m.code})`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into account_mappings (tenant_id, key, scope, account_id)
    select ${TENANT}, v.key, '', a.id
    from (values ${keys}) as v(key, code)
    join ledger_accounts a on a.code = v.code
    on conflict (tenant_id, key, scope) do nothing`);
}
