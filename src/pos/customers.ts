import { ZCustomersResponse, type PosCustomerRecord } from "../lib/schemas/pos-wire";
import { getMeta, setMeta, type PosDb } from "./db";
import { customerSearchKey } from "./ops";
import type { LocalCustomer } from "./types";

// The local copy of the business's customers (for Factura A): refreshed from the server when
// online, searched by name, CUIT or DNI without the network. Customers typed offline are in
// the same store (pending) until the server has them.

export async function replaceCustomers(db: PosDb, list: PosCustomerRecord[], now = new Date()): Promise<void> {
  const tx = db.transaction(["customers", "meta"], "readwrite");
  const store = tx.objectStore("customers");
  const pending = (await store.getAll()).filter((c) => c.pending);
  await store.clear();
  for (const c of list) void store.put({ ...c, search: customerSearchKey(c.name, c.docNumber) });
  for (const c of pending) if (!list.some((x) => x.id === c.id)) void store.put(c);
  void tx.objectStore("meta").put({ key: "customersSyncedAt", value: now.toISOString() });
  await tx.done;
}

export async function refreshCustomers(db: PosDb, slug: string, fetchImpl: typeof fetch = fetch): Promise<number> {
  const res = await fetchImpl(`/api/pos/${encodeURIComponent(slug)}/customers`, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw new Error(`El servidor respondió ${res.status}`);
  const { customers } = ZCustomersResponse.parse(await res.json());
  await replaceCustomers(db, customers);
  return customers.length;
}

/** Every word of the query must appear in the name or the document number (digits of a CUIT typed with or without dashes). */
export async function searchLocalCustomers(db: PosDb, query: string, limit = 10): Promise<LocalCustomer[]> {
  const terms = customerSearchKey(query.replace(/(\d)-(?=\d)/g, "$1"), "").split(/\s+/).filter(Boolean);
  if (terms.length === 0 || query.trim().length < 2) return [];
  const out: LocalCustomer[] = [];
  for (const c of await db.getAll("customers")) if (terms.every((t) => c.search.includes(t))) out.push(c);
  return out.sort((a, b) => a.name.localeCompare(b.name, "es")).slice(0, limit);
}

export const customersSyncedAt = (db: PosDb) => getMeta(db, "customersSyncedAt");
export const touchCustomers = (db: PosDb) => setMeta(db, "customersSyncedAt", new Date().toISOString());
