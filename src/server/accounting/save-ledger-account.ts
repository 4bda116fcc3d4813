import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { TENANT } from "../inventory/ledger";
import { MAPPING_KEYS } from "./chart-defaults";

export const ZSaveLedgerAccountInput = z.object({
  id: z.uuid().optional().nullable(),
  code: z.string().trim().min(1, "Ingresá el código").max(20).regex(/^[0-9A-Za-z.-]+$/, "El código admite cifras, letras, puntos y guiones"),
  name: z.string().trim().min(2, "Ingresá el nombre").max(120),
  type: z.enum(["ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE"]),
  active: z.boolean().default(true),
});
export type TSaveLedgerAccountInput = z.input<typeof ZSaveLedgerAccountInput>;

/** Creates or edits an account of the tenant's chart (codes unique per tenant). */
export async function saveLedgerAccount(tx: Tx, raw: TSaveLedgerAccountInput): Promise<{ id: string }> {
  const v = ZSaveLedgerAccountInput.parse(raw);
  try {
    if (v.id) {
      if (!v.active) {
        const [used] = await tx.execute(sql`select 1 from account_mappings where account_id = ${v.id} limit 1`);
        if (used) throw new AppError("INVALID_STATE", "La cuenta está asignada a un evento: cambiá la asignación antes de desactivarla.");
      }
      const [row] = await tx.execute<{ id: string }>(sql`
        update ledger_accounts set code = ${v.code}, name = ${v.name}, type = ${v.type}::ledger_account_type, active = ${v.active}
        where id = ${v.id} returning id`);
      if (!row) throw new AppError("NOT_FOUND", "La cuenta no existe.");
      return row;
    }
    const [row] = await tx.execute<{ id: string }>(sql`
      insert into ledger_accounts (tenant_id, code, name, type, active) values (${TENANT}, ${v.code}, ${v.name}, ${v.type}::ledger_account_type, ${v.active})
      returning id`);
    return row!;
  } catch (e) {
    if (isUniqueViolation(e, "ledger_accounts_code_key")) throw new AppError("CONFLICT", `Ya hay una cuenta con el código ${v.code}.`, { field: "code" });
    throw e;
  }
}

const keys = Object.keys(MAPPING_KEYS) as [keyof typeof MAPPING_KEYS, ...(keyof typeof MAPPING_KEYS)[]];
export const ZSaveMappingInput = z.object({
  key: z.enum(keys),
  /** '' for the default; a warehouse id for "inventory", an IVA rate ("21") for the IVA keys. */
  scope: z.string().trim().max(60).default(""),
  accountId: z.uuid(),
});
export type TSaveMappingInput = z.input<typeof ZSaveMappingInput>;

export async function saveMapping(tx: Tx, raw: TSaveMappingInput): Promise<{ ok: true }> {
  const v = ZSaveMappingInput.parse(raw);
  const [acc] = await tx.execute(sql`select 1 from ledger_accounts where id = ${v.accountId} and active`);
  if (!acc) throw new AppError("NOT_FOUND", "La cuenta no existe o está desactivada.", { field: "accountId" });
  await tx.execute(sql`
    insert into account_mappings (tenant_id, key, scope, account_id) values (${TENANT}, ${v.key}, ${v.scope}, ${v.accountId})
    on conflict (tenant_id, key, scope) do update set account_id = excluded.account_id`);
  return { ok: true };
}
