import { randomUUID } from "node:crypto";
import { withTenant } from "../server/db/with-tenant";
import { createCount, type TCreateCountInput } from "../server/counts/create-count";
import { recordCountEntry, type TRecordCountEntryInput } from "../server/counts/record-count-entry";
import { changeCountStatus } from "../server/counts/change-count-status";
import { applyCount } from "../server/counts/apply-count";
import { getCountReview } from "../server/counts/get-count-review";

// Count helpers for integration tests: everything through the domain services.

export async function makeCount(tenantId: string, userId: string, input: Partial<TCreateCountInput> & { warehouseId: string }) {
  return (await withTenant(tenantId, (tx) => createCount(tx, { name: "Conteo de prueba", ...input }, { userId }), { userId })).id;
}

export function countEntry(tenantId: string, userId: string, input: Omit<TRecordCountEntryInput, "id"> & { id?: string }) {
  return withTenant(tenantId, (tx) => recordCountEntry(tx, { id: randomUUID(), ...input }, { userId }), { userId });
}

export function closeCount(tenantId: string, userId: string, countId: string) {
  return withTenant(tenantId, (tx) => changeCountStatus(tx, { countId, action: "close" }, { userId }), { userId });
}

export function applyAll(tenantId: string, userId: string, countId: string, lineIds?: string[]) {
  return withTenant(tenantId, (tx) => applyCount(tx, { countId, lineIds }, { userId }), { userId });
}

export function reviewOf(tenantId: string, countId: string) {
  return withTenant(tenantId, (tx) => getCountReview(tx, { countId, limit: 500 }));
}
