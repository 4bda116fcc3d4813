"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { catalogNeedsRefresh, countProducts, lookupBarcode, lookupBarcodeNow, searchProducts, syncCatalog, CATALOG_REFRESH_MS } from "@/pos/catalog";
import { getMeta, openPosDb, setMeta, type PosDb } from "@/pos/db";
import { hasPendingSales, listRefused, listSynced, peekQueue, resolveRefused } from "@/pos/queue";
import { enqueueOp, listRefusedOps, opsSize, peekOps } from "@/pos/ops";
import { refreshCustomers, searchLocalCustomers } from "@/pos/customers";
import { stageSale } from "@/pos/sale-sink";
import { SyncEngine } from "@/pos/sync-engine";
import type { SyncState } from "@/pos/sync-contracts";
import { httpCatalogFetcher, httpOpsTransport, httpSyncTransport, registerBackgroundSync, requestPersistentStorage } from "@/pos/transport";
import { POS_CHANNEL, type PosChannelMessage } from "@/pos/worker-sync";
import { registerServiceWorker, warmPageCache } from "@/pos/register-sw";
import type { QueuedSale, RefusedOp, RefusedSale, SaleDisplay, SyncedSale } from "@/pos/types";
import { ZPosContext, type PosContext, type TPosOp } from "@/lib/schemas/pos-wire";
import type { TSaleInput } from "@/lib/schemas/sale";

export type CatalogStatus = { count: number; syncedAt?: string; syncing: boolean; error?: string };
export type TerminalRuntime = ReturnType<typeof useTerminalRuntime>;

/** A shift opened on this device but not yet on the server still counts as open here. */
async function withPendingSessions(db: PosDb, ctx: PosContext): Promise<PosContext> {
  const ops = await peekOps(db, 500);
  const registers = ctx.registers.map((r) => {
    const mine = [...ops].reverse().find((o) => o.op.kind === "OPEN_SESSION" && o.op.registerId === r.id);
    if (!mine || mine.op.kind !== "OPEN_SESSION") return r;
    return { ...r, cashSessionId: mine.op.id, openedBy: ctx.user.id, openedByName: ctx.user.name };
  });
  return { ...ctx, registers };
}

/**
 * Everything the terminal runs on, wired once per page: the business's IndexedDB, the sync
 * engine (periodic, on reconnect, on each sale), catalog and customers refresh (on open and
 * every 15 minutes), the context cached for offline reloads, the service worker, storage.
 */
export function useTerminalRuntime(slug: string) {
  const [db, setDb] = useState<PosDb | null>(null);
  const engineRef = useRef<SyncEngine | null>(null);
  const channelRef = useRef<BroadcastChannel | null>(null);
  const [sync, setSync] = useState<SyncState>({ online: true, syncing: false, queued: 0, refused: 0, consecutiveFailures: 0 });
  const [catalog, setCatalog] = useState<CatalogStatus>({ count: 0, syncing: false });
  const [context, setContext] = useState<PosContext | null>(null);
  const [contextError, setContextError] = useState<string | null>(null);
  const [registerId, setRegisterIdState] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedSale[]>([]);
  const [refusedOps, setRefusedOps] = useState<RefusedOp[]>([]);
  const [recent, setRecent] = useState<SyncedSale[]>([]);
  const [failing, setFailing] = useState<QueuedSale[]>([]);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [ready, setReady] = useState(false);

  const reloadLists = useCallback(async (d: PosDb) => {
    const [r, ro, s, q] = await Promise.all([listRefused(d), listRefusedOps(d), listSynced(d, 30), peekQueue(d, 200)]);
    setRefused(r);
    setRefusedOps(ro);
    setRecent(s);
    setFailing(q.filter((item) => item.lastError));
    await engineRef.current?.refresh();
  }, []);

  const loadContext = useCallback(
    async (d: PosDb) => {
      try {
        const res = await fetch(`/api/pos/${encodeURIComponent(slug)}/context`, { credentials: "same-origin", cache: "no-store" });
        if (!res.ok) throw new Error(res.status === 401 ? "La sesión expiró: volvé a ingresar." : `Error ${res.status}`);
        engineRef.current?.noteReachable(true);
        // Cached WITH the shifts opened here and still queued: a server answer that left before
        // an offline opening must not erase it from the cache, or a restart after the worker
        // delivered the opening (and before the server is reachable again) forgets the shift.
        const ctx = await withPendingSessions(d, ZPosContext.parse(await res.json()));
        await setMeta(d, "posContext", JSON.stringify(ctx));
        setContext(ctx);
        setContextError(null);
      } catch (e) {
        // fetch rejects with a TypeError only when the server could not be reached at all.
        if (e instanceof TypeError) engineRef.current?.noteReachable(false);
        const cached = await getMeta(d, "posContext");
        if (cached) setContext(await withPendingSessions(d, ZPosContext.parse(JSON.parse(cached))));
        else setContextError(e instanceof Error ? e.message : String(e));
      }
    },
    [slug],
  );

  /** The cached context with the shifts opened on this device (by any tab) still queued. */
  const adoptPendingSessions = useCallback(async (d: PosDb) => {
    const cached = await getMeta(d, "posContext");
    if (cached) setContext(await withPendingSessions(d, ZPosContext.parse(JSON.parse(cached))));
  }, []);

  const refreshCatalog = useCallback(
    async (d: PosDb, force = false) => {
      if (!navigator.onLine) return;
      if (!force && !(await catalogNeedsRefresh(d))) return;
      setCatalog((c) => ({ ...c, syncing: true, error: undefined }));
      try {
        await syncCatalog(d, httpCatalogFetcher(slug));
        engineRef.current?.noteReachable(true);
        void lookupBarcode(d, "#"); // rebuild the in-memory index now, not on the next scan
        setCatalog({ count: await countProducts(d), syncedAt: await getMeta(d, "catalogSyncedAt"), syncing: false });
      } catch (e) {
        if (e instanceof TypeError) engineRef.current?.noteReachable(false);
        const error = e instanceof TypeError ? "sin conexión, se usa el catálogo guardado" : e instanceof Error ? e.message : String(e);
        setCatalog((c) => ({ ...c, syncing: false, error }));
      }
      await refreshCustomers(d, slug).catch(() => undefined);
    },
    [slug],
  );

  useEffect(() => {
    let disposed = false;
    let d: PosDb | null = null;
    const timers: ReturnType<typeof setInterval>[] = [];
    const onOnline = () => {
      engineRef.current?.online();
      if (d) {
        void refreshCatalog(d);
        void loadContext(d);
      }
    };
    const onOffline = () => void engineRef.current?.refresh(false);

    void (async () => {
      d = await openPosDb(slug);
      if (disposed) return d.close();
      const engine = new SyncEngine({
        db: d,
        transport: httpSyncTransport(slug),
        opsTransport: httpOpsTransport(slug),
        batchSize: 100,
        probe: async () => (await fetch("/api/health", { cache: "no-store" })).ok,
      });
      engineRef.current = engine;
      let lastQueued = -1;
      engine.subscribe((s) => {
        if (disposed) return;
        setSync(s);
        // The queue moved (a sync settled sales): refresh the lists the cashier sees.
        if (s.queued !== lastQueued) {
          lastQueued = s.queued;
          if (d) void reloadLists(d);
        }
      });
      const cachedCtx = await getMeta(d, "posContext");
      if (cachedCtx) setContext(await withPendingSessions(d, ZPosContext.parse(JSON.parse(cachedCtx))));
      setRegisterIdState((await getMeta(d, "registerId")) ?? null);
      setCatalog({ count: await countProducts(d), syncedAt: await getMeta(d, "catalogSyncedAt"), syncing: false });
      setDb(d);
      void lookupBarcode(d, "#"); // builds the in-memory index before the first scan
      await reloadLists(d);
      setReady(true);
      engine.start(30_000);
      // navigator.onLine can say "online" with no way to the server (e.g. after a restart
      // without network): ask the server once so the status is right from the start.
      void fetch("/api/health", { cache: "no-store" })
        .then((r) => r.ok)
        .catch(() => false)
        .then((ok) => {
          if (!disposed) void engine.refresh(ok);
        });

      const ch = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(POS_CHANNEL) : null;
      channelRef.current = ch;
      if (ch) {
        ch.onmessage = (ev: MessageEvent<PosChannelMessage>) => {
          if (ev.data?.slug !== slug || !d) return;
          void reloadLists(d);
          // Another tab may have opened a shift offline: this tab sells in it too.
          void adoptPendingSessions(d);
        };
      }
      window.addEventListener("online", onOnline);
      window.addEventListener("offline", onOffline);
      timers.push(setInterval(() => d && void refreshCatalog(d), CATALOG_REFRESH_MS));
      timers.push(setInterval(() => d && void reloadLists(d), 5_000));

      void requestPersistentStorage().then((p) => !disposed && setPersisted(p));
      void loadContext(d);
      void refreshCatalog(d, true);
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
  }, [slug, refreshCatalog, reloadLists, loadContext, adoptPendingSessions]);

  const notify = useCallback(() => {
    channelRef.current?.postMessage({ type: "queue-changed", slug } satisfies PosChannelMessage);
  }, [slug]);

  const afterQueueChange = useCallback(async () => {
    notify();
    await engineRef.current?.refresh();
    const st = engineRef.current?.getState();
    // Let the service worker send it if this page goes away before the server is reachable.
    if (!navigator.onLine || !st?.online || (st?.consecutiveFailures ?? 0) > 0) void registerBackgroundSync(slug);
    engineRef.current?.kick();
  }, [notify, slug]);

  /**
   * The one way a sale leaves the cart (see sale-sink.ts): resolves once it is on disk, with
   * the display as stored (its local number) and the server's verdict still to come.
   */
  const sell = useCallback(
    async (sale: TSaleInput, display: SaleDisplay) => {
      if (!db) throw new Error("La caja todavía se está preparando");
      const st = engineRef.current?.getState();
      const online = navigator.onLine && (st?.online ?? true);
      const staged = await stageSale({ db, sale, display, online, send: httpSyncTransport(slug), localNumber: true });
      // The queue's counters and lists refresh after the verdict (or now, offline), off the charge's path.
      void staged.verdict.then(() => afterQueueChange().then(() => reloadLists(db)));
      return { display: staged.item.display, online, verdict: staged.verdict };
    },
    [db, slug, afterQueueChange, reloadLists],
  );

  /** Shift opening, cash in/out, customer: queued like a sale, sent before sales. */
  const queueOp = useCallback(
    async (op: TPosOp) => {
      if (!db) throw new Error("La caja todavía se está preparando");
      await enqueueOp(db, op);
      if (op.kind === "OPEN_SESSION" && context) {
        // Kept in the cached context too: once the opening has synced (maybe by the service
        // worker while this page was closed) an offline reload must still know the shift.
        const next = await withPendingSessions(db, context);
        await setMeta(db, "posContext", JSON.stringify(next));
        setContext(next);
      }
      await afterQueueChange();
    },
    [db, context, afterQueueChange],
  );

  const setRegisterId = useCallback(
    async (id: string) => {
      setRegisterIdState(id);
      if (db) await setMeta(db, "registerId", id);
    },
    [db],
  );

  const syncNow = useCallback(async () => {
    if (!db) return;
    engineRef.current?.online();
    await engineRef.current?.syncNow();
    await reloadLists(db);
    await loadContext(db);
  }, [db, reloadLists, loadContext]);

  const resolve = useCallback(
    async (saleId: string, action: Parameters<typeof resolveRefused>[2]) => {
      if (!db) return;
      await resolveRefused(db, saleId, action);
      await afterQueueChange();
      await reloadLists(db);
    },
    [db, afterQueueChange, reloadLists],
  );

  return {
    db,
    ready,
    sync,
    catalog,
    context,
    contextError,
    registerId,
    setRegisterId,
    refused,
    refusedOps,
    recent,
    failing,
    persisted,
    sell,
    queueOp,
    syncNow,
    resolve,
    reloadContext: useCallback(() => (db ? loadContext(db) : Promise.resolve()), [db, loadContext]),
    lookup: useCallback(async (code: string) => (db ? lookupBarcode(db, code) : undefined), [db]),
    lookupNow: useCallback((code: string) => (db ? lookupBarcodeNow(db, code) : null), [db]),
    search: useCallback(async (q: string) => (db ? searchProducts(db, q) : []), [db]),
    searchCustomers: useCallback(async (q: string) => (db ? searchLocalCustomers(db, q) : []), [db]),
    pending: useCallback(async () => (db ? (await hasPendingSales(db)) || (await opsSize(db)) > 0 : true), [db]),
  };
}
