import { getMeta, setMeta, type PosDb } from "./db";
import { normalizeText, words } from "./normalize";
import type { CatalogDelta, CatalogProduct, StoredProduct } from "./types";

// The local catalog: delta sync from the server and lookups that never touch the network.

export const CATALOG_REFRESH_MS = 15 * 60 * 1000;

export function toStored(p: CatalogProduct): StoredProduct {
  const barcodes = p.barcodes.map((b) => b.trim()).filter(Boolean);
  return { ...p, barcodes, codes: [...barcodes, `#${p.sku.trim()}`], nameNorm: normalizeText(p.name), words: words(p.name, p.sku) };
}

// Scanning and name search run over an in-memory index of the stored catalog (IndexedDB
// stays the durable copy that survives reloads). The index is dropped when this tab applies
// a delta, and re-validated against the stored cursor at most once a second, which picks up
// deltas applied by other tabs.
type MemIndex = { cursor: string | undefined; byCode: Map<string, StoredProduct[]>; active: StoredProduct[]; checkedAt: number };
const memIndexes = new WeakMap<PosDb, MemIndex>();
const REVALIDATE_MS = 1000;

async function memIndex(db: PosDb): Promise<MemIndex> {
  const hit = memIndexes.get(db);
  if (hit && Date.now() - hit.checkedAt < REVALIDATE_MS) return hit;
  const cursor = await getMeta(db, "catalogCursor");
  if (hit && hit.cursor === cursor) {
    hit.checkedAt = Date.now();
    return hit;
  }
  const all = await db.getAll("products");
  const byCode = new Map<string, StoredProduct[]>();
  for (const p of all) for (const c of p.codes) byCode.set(c, [...(byCode.get(c) ?? []), p]);
  const index: MemIndex = { cursor, byCode, active: all.filter((p) => p.active), checkedAt: Date.now() };
  memIndexes.set(db, index);
  return index;
}

/** Applies one page of changes in a single IndexedDB transaction (upserts; inactive rows kept as inactive). */
export async function applyCatalogDelta(db: PosDb, delta: CatalogDelta): Promise<void> {
  const tx = db.transaction(["products", "packs", "meta"], "readwrite");
  const products = tx.objectStore("products");
  for (const p of delta.products) void products.put(toStored(p));
  if (delta.packs) {
    const packs = tx.objectStore("packs");
    void packs.clear();
    for (const r of delta.packs) void packs.put(r);
  }
  void tx.objectStore("meta").put({ key: "catalogCursor", value: delta.cursor });
  if (!delta.hasMore) void tx.objectStore("meta").put({ key: "catalogSyncedAt", value: new Date().toISOString() });
  await tx.done;
  memIndexes.delete(db);
}

export type CatalogFetcher = (cursor: string | undefined) => Promise<CatalogDelta>;

/** Pulls every page of changes since the stored cursor. Returns how many products changed. */
export async function syncCatalog(db: PosDb, fetchDelta: CatalogFetcher, opts: { maxPages?: number } = {}): Promise<number> {
  let changed = 0;
  const maxPages = opts.maxPages ?? 1000;
  for (let page = 0; page < maxPages; page++) {
    const cursor = await getMeta(db, "catalogCursor");
    const delta = await fetchDelta(cursor);
    await applyCatalogDelta(db, delta);
    changed += delta.products.length;
    if (!delta.hasMore) break;
  }
  return changed;
}

export async function catalogNeedsRefresh(db: PosDb, now = Date.now()): Promise<boolean> {
  const at = await getMeta(db, "catalogSyncedAt");
  return !at || now - Date.parse(at) >= CATALOG_REFRESH_MS;
}

export async function resetCatalogCursor(db: PosDb): Promise<void> {
  await setMeta(db, "catalogCursor", "");
}

/**
 * Barcode (or exact SKU) → product. When a barcode moved between products, the active, most recently
 * changed one wins. Inactive products are returned (so the UI can say "dado de baja"), never sold.
 */
export async function lookupBarcode(db: PosDb, code: string): Promise<StoredProduct | undefined> {
  const c = code.trim();
  if (!c) return undefined;
  const index = await memIndex(db);
  // The scanner field also takes a SKU typed by hand.
  const hits = index.byCode.get(c) ?? index.byCode.get(`#${c}`) ?? [];
  if (hits.length <= 1) return hits[0];
  return [...hits].sort((a, b) => Number(b.active) - Number(a.active) || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * The same lookup answered synchronously from the in-memory index as it is now (a scan then
 * reaches the cart within the key press), or null when the index is not built yet. A stale
 * index is used as is and revalidated in the background (other tabs' deltas land within a second).
 */
export function lookupBarcodeNow(db: PosDb, code: string): StoredProduct | undefined | null {
  const index = memIndexes.get(db);
  if (!index) {
    void memIndex(db);
    return null;
  }
  if (Date.now() - index.checkedAt >= REVALIDATE_MS) void memIndex(db);
  const c = code.trim();
  const hits = index.byCode.get(c) ?? index.byCode.get(`#${c}`) ?? [];
  if (hits.length <= 1) return hits[0];
  return [...hits].sort((a, b) => Number(b.active) - Number(a.active) || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * Name / SKU search, all local: every query word must be the start of a word of the
 * product's name or SKU. Active products only.
 */
export async function searchProducts(db: PosDb, query: string, limit = 20): Promise<StoredProduct[]> {
  const terms = words(query);
  if (terms.length === 0) return [];
  const out: StoredProduct[] = [];
  for (const p of (await memIndex(db)).active) {
    if (terms.every((t) => p.words.some((w) => w.startsWith(t)))) {
      out.push(p);
      if (out.length >= limit * 5) break;
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, "es")).slice(0, limit);
}

export async function countProducts(db: PosDb): Promise<number> {
  return db.count("products");
}
