import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { LocalCustomer, PackRule, QueuedOp, QueuedSale, RefusedOp, RefusedSale, StoredProduct, SyncedSale } from "./types";

// The register's own IndexedDB: one database per business (slug), shared by every tab of
// that business and by the service worker (Background Sync).

export type MetaKey =
  | "catalogCursor"
  | "catalogSyncedAt"
  | "lastSyncAt"
  | "lastSyncError"
  | "slug"
  /** JSON of PosContext: who is selling, registers and open sessions (for offline reloads). */
  | "posContext"
  /** The register this device sells on. */
  | "registerId"
  /** This device's ticket counter (local numbers until the server assigns the register's). */
  | "ticketSeq"
  | "customersSyncedAt";

export interface PosDbSchema extends DBSchema {
  products: {
    key: string;
    value: StoredProduct;
    indexes: { code: string };
  };
  packs: { key: string; value: PackRule; indexes: { child: string } };
  meta: { key: MetaKey; value: { key: MetaKey; value: string } };
  /** FIFO by auto-increment `seq`; `saleId` unique so the same sale can never be queued twice. */
  queue: { key: number; value: QueuedSale; indexes: { saleId: string } };
  refused: { key: string; value: RefusedSale; indexes: { refusedAt: string } };
  synced: { key: string; value: SyncedSale; indexes: { syncedAt: string } };
  /** Shift openings, cash in/out and customers typed offline: FIFO, sent before sales. */
  ops: { key: number; value: QueuedOp; indexes: { opId: string } };
  refusedOps: { key: string; value: RefusedOp };
  customers: { key: string; value: LocalCustomer };
}

export type PosDb = IDBPDatabase<PosDbSchema>;

export const posDbName = (slug: string) => `mostrador-pos:${slug}`;

export async function openPosDb(slug: string, name = posDbName(slug)): Promise<PosDb> {
  const db = await openDB<PosDbSchema>(name, 3, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion === 1) {
        // v1 indexed words/names in IndexedDB (slow to write): drop the catalog and re-download it.
        db.deleteObjectStore("products");
        void tx.objectStore("meta").delete("catalogCursor");
      }
      if (oldVersion < 2) {
        const products = db.createObjectStore("products", { keyPath: "id" });
        products.createIndex("code", "codes", { multiEntry: true });
      }
      if (oldVersion < 3) {
        const ops = db.createObjectStore("ops", { keyPath: "seq", autoIncrement: true });
        ops.createIndex("opId", "op.id", { unique: true });
        db.createObjectStore("refusedOps", { keyPath: "id" });
        db.createObjectStore("customers", { keyPath: "id" });
      }
      if (oldVersion >= 1) return;
      const packs = db.createObjectStore("packs", { keyPath: "id" });
      packs.createIndex("child", "childProductId");
      db.createObjectStore("meta", { keyPath: "key" });
      const queue = db.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
      queue.createIndex("saleId", "sale.id", { unique: true });
      const refused = db.createObjectStore("refused", { keyPath: "saleId" });
      refused.createIndex("refusedAt", "refusedAt");
      const synced = db.createObjectStore("synced", { keyPath: "saleId" });
      synced.createIndex("syncedAt", "syncedAt");
    },
    // Another tab upgraded the schema: let it proceed; this tab reopens on next use.
    blocking() {
      db.close();
    },
  });
  await db.put("meta", { key: "slug", value: slug });
  return db;
}

export async function getMeta(db: PosDb, key: MetaKey): Promise<string | undefined> {
  return (await db.get("meta", key))?.value;
}

export async function setMeta(db: PosDb, key: MetaKey, value: string): Promise<void> {
  await db.put("meta", { key, value });
}

