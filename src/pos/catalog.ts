import { getMeta, setMeta, type PosDb } from "./db";
import { normalizeText, words } from "./normalize";
import type { CatalogDelta, CatalogProduct, StoredProduct } from "./types";

// The local catalog: delta sync from the server and lookups that never touch the network.

export const CATALOG_REFRESH_MS = 15 * 60 * 1000;

export function toStored(p: CatalogProduct): StoredProduct {
  return { ...p, barcodes: p.barcodes.map((b) => b.trim()), nameNorm: normalizeText(p.name), words: words(p.name, p.sku) };
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
  let hits = await db.getAllFromIndex("products", "barcode", c);
  // The scanner field also takes a SKU typed by hand.
  if (hits.length === 0) hits = await db.getAllFromIndex("products", "sku", c);
  if (hits.length <= 1) return hits[0];
  return hits.sort((a, b) => Number(b.active) - Number(a.active) || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * Name / SKU search, all local. Every query word must appear as a word prefix; the first
 * word drives an index range scan, the rest filter. Active products only.
 */
export async function searchProducts(db: PosDb, query: string, limit = 20): Promise<StoredProduct[]> {
  const terms = words(query);
  if (terms.length === 0) return [];
  const [first, ...rest] = terms.sort((a, b) => b.length - a.length);
  const out: StoredProduct[] = [];
  const seen = new Set<string>();
  const range = IDBKeyRange.bound(first!, `${first}\uffff`);
  let cursor = await db.transaction("products").store.index("words").openCursor(range);
  while (cursor && out.length < limit) {
    const p = cursor.value;
    if (p.active && !seen.has(p.id) && rest.every((t) => p.words.some((w) => w.startsWith(t)))) {
      seen.add(p.id);
      out.push(p);
    }
    cursor = await cursor.continue();
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, "es"));
}

export async function countProducts(db: PosDb): Promise<number> {
  return db.count("products");
}
