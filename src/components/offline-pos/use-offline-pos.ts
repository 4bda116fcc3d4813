"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { catalogNeedsRefresh, countProducts, lookupBarcode, searchProducts, syncCatalog, CATALOG_REFRESH_MS } from "@/pos/catalog";
import { getMeta, openPosDb, setMeta, type PosDb } from "@/pos/db";
import { enqueueSale, hasPendingSales, listRefused, listSynced, peekQueue, resolveRefused } from "@/pos/queue";
import { SyncEngine, type SyncState } from "@/pos/sync-engine";
import { httpCatalogFetcher, httpSyncTransport, registerBackgroundSync, requestPersistentStorage } from "@/pos/transport";
import { POS_CHANNEL, type PosChannelMessage } from "@/pos/worker-sync";
import { registerServiceWorker, warmPageCache } from "@/pos/register-sw";
import type { PosContext, QueuedSale, RefusedSale, SaleDisplay, StoredProduct, SyncedSale } from "@/pos/types";
import type { TSaleInput } from "@/lib/schemas/sale";

export type CatalogStatus = { count: number; syncedAt?: string; syncing: boolean; error?: string };

/**
 * Everything the offline register needs, wired once per page: the business's IndexedDB,
 * the sync engine (periodic + on reconnect + on each new sale), the catalog delta sync
 * (on open and every 15 minutes), the service worker and persistent storage.
 */
export function useOfflinePos(slug: string) {
  const [db, setDb] = useState<PosDb | null>(null);
  const engineRef = useRef<SyncEngine | null>(null);
  const channelRef = useRef<BroadcastChannel | null>(null);
  const [sync, setSync] = useState<SyncState>({ online: true, syncing: false, queued: 0, refused: 0, consecutiveFailures: 0 });
  const [catalog, setCatalog] = useState<CatalogStatus>({ count: 0, syncing: false });
  const [context, setContext] = useState<PosContext | null>(null);
  const [contextError, setContextError] = useState<string | null>(null);
  const [registerId, setRegisterIdState] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedSale[]>([]);
  const [recent, setRecent] = useState<SyncedSale[]>([]);
  const [failing, setFailing] = useState<QueuedSale[]>([]);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [ready, setReady] = useState(false);

  const reloadLists = useCallback(async (d: PosDb) => {
    const [r, s, q] = await Promise.all([listRefused(d), listSynced(d, 30), peekQueue(d, 200)]);
    setRefused(r);
    setRecent(s);
    // Queued sales whose last attempt failed: shown one by one with the server's reason.
    setFailing(q.filter((item) => item.lastError));
    await engineRef.current?.refresh();
  }, []);

  const refreshCatalog = useCallback(
    async (d: PosDb, force = false) => {
      if (!navigator.onLine) return;
      if (!force && !(await catalogNeedsRefresh(d))) return;
      setCatalog((c) => ({ ...c, syncing: true, error: undefined }));
      try {
        await syncCatalog(d, httpCatalogFetcher(slug));
        setCatalog({ count: await countProducts(d), syncedAt: await getMeta(d, "catalogSyncedAt"), syncing: false });
      } catch (e) {
        // No network: the stored catalog keeps working; say so plainly.
        const error = e instanceof TypeError ? "sin conexión, se usa el catálogo guardado" : e instanceof Error ? e.message : String(e);
        setCatalog((c) => ({ ...c, syncing: false, error }));
      }
    },
    [slug],
  );

  useEffect(() => {
    let disposed = false;
    let d: PosDb | null = null;
    const timers: ReturnType<typeof setInterval>[] = [];
    const onOnline = () => {
      engineRef.current?.online();
      if (d) void refreshCatalog(d);
      void loadContext();
    };
    const onOffline = () => void engineRef.current?.refresh();

    async function loadContext() {
      if (!d) return;
      try {
        const res = await fetch(`/api/pos/${encodeURIComponent(slug)}/context`, { credentials: "same-origin", cache: "no-store" });
        if (!res.ok) throw new Error(res.status === 401 ? "La sesión expiró: volvé a ingresar." : `Error ${res.status}`);
        const ctx = (await res.json()) as PosContext;
        await setMeta(d, "posContext", JSON.stringify(ctx));
        if (!disposed) {
          setContext(ctx);
          setContextError(null);
        }
      } catch (e) {
        const cached = await getMeta(d, "posContext");
        if (cached && !disposed) setContext(JSON.parse(cached) as PosContext);
        if (!disposed && !cached) setContextError(e instanceof Error ? e.message : String(e));
      }
    }

    void (async () => {
      d = await openPosDb(slug);
      if (disposed) return d.close();
      const engine = new SyncEngine({
        db: d,
        transport: httpSyncTransport(slug),
        batchSize: 100,
        probe: async () => (await fetch("/api/health", { cache: "no-store" })).ok,
      });
      engineRef.current = engine;
      engine.subscribe((s) => !disposed && setSync(s));
      const cachedCtx = await getMeta(d, "posContext");
      if (cachedCtx) setContext(JSON.parse(cachedCtx) as PosContext);
      setRegisterIdState((await getMeta(d, "registerId")) ?? null);
      setCatalog({ count: await countProducts(d), syncedAt: await getMeta(d, "catalogSyncedAt"), syncing: false });
      setDb(d);
      await reloadLists(d);
      setReady(true);
      engine.start(30_000);

      const ch = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(POS_CHANNEL) : null;
      channelRef.current = ch;
      if (ch) {
        ch.onmessage = (ev: MessageEvent<PosChannelMessage>) => {
          if (ev.data?.slug === slug && d) void reloadLists(d);
        };
      }
      window.addEventListener("online", onOnline);
      window.addEventListener("offline", onOffline);
      timers.push(setInterval(() => d && void refreshCatalog(d), CATALOG_REFRESH_MS));
      timers.push(setInterval(() => d && void reloadLists(d), 5_000));

      void requestPersistentStorage().then((p) => !disposed && setPersisted(p));
      void loadContext();
      void refreshCatalog(d, true); // on open always, then every 15 minutes
      if (process.env.NODE_ENV === "production") {
        void registerServiceWorker().then(async (reg) => {
          if (reg && navigator.onLine) await warmPageCache(window.location.pathname);
        });
      }
    })();

    return () => {
      disposed = true;
      engineRef.current?.stop();
      engineRef.current = null;
      channelRef.current?.close();
      for (const t of timers) clearInterval(t);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      d?.close();
    };
  }, [slug, refreshCatalog, reloadLists]);

  const setRegisterId = useCallback(
    async (id: string) => {
      setRegisterIdState(id);
      if (db) await setMeta(db, "registerId", id);
    },
    [db],
  );

  const notify = useCallback(() => {
    channelRef.current?.postMessage({ type: "queue-changed", slug } satisfies PosChannelMessage);
  }, [slug]);

  /** Stores the sale durably, then lets sync run; resolves once it is safe on disk. */
  const ringSale = useCallback(
    async (sale: TSaleInput, display: SaleDisplay) => {
      if (!db) throw new Error("La caja todavía se está preparando");
      await enqueueSale(db, sale, display);
      notify();
      await engineRef.current?.refresh();
      // Let the service worker send it if this page goes away before the server is reachable.
      const st = engineRef.current?.getState();
      if (!navigator.onLine || !st?.online || (st?.consecutiveFailures ?? 0) > 0) void registerBackgroundSync(slug);
      engineRef.current?.kick();
    },
    [db, notify, slug],
  );

  const syncNow = useCallback(async () => {
    if (!db) return;
    engineRef.current?.online();
    await engineRef.current?.syncNow();
    await reloadLists(db);
  }, [db, reloadLists]);

  const resolve = useCallback(
    async (saleId: string, action: Parameters<typeof resolveRefused>[2]) => {
      if (!db) return;
      await resolveRefused(db, saleId, action);
      notify();
      await reloadLists(db);
      engineRef.current?.kick();
    },
    [db, notify, reloadLists],
  );

  const lookup = useCallback(async (code: string): Promise<StoredProduct | undefined> => (db ? lookupBarcode(db, code) : undefined), [db]);
  const search = useCallback(async (q: string): Promise<StoredProduct[]> => (db ? searchProducts(db, q) : []), [db]);
  const pending = useCallback(async () => (db ? hasPendingSales(db) : true), [db]);

  return {
    ready,
    sync,
    catalog,
    context,
    contextError,
    registerId,
    setRegisterId,
    refused,
    recent,
    failing,
    persisted,
    ringSale,
    syncNow,
    resolve,
    lookup,
    search,
    pending,
    refreshCatalog: () => db && refreshCatalog(db, true),
  };
}
