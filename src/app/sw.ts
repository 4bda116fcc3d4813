/// <reference lib="webworker" />
// The service worker (bundled by scripts/build-sw.ts after `next build`, served at /sw.js).
// Precaches the app's static build so the POS shell loads with no network, keeps the POS
// page's HTML (network first, cache when offline), and drains the sale queue on the
// Background Sync event (Chromium). Sales are never replayed from a generic request queue:
// the queue is the app's own IndexedDB store.
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";
import { syncBusinessQueue } from "../pos/worker-sync";
import { POS_PAGES_CACHE, isPosPagePath } from "../pos/sw-routes";
import type { LockManagerLike } from "../pos/sync-contracts";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // /api/ matches no route: those requests go straight to the network, never an HTTP cache
    // (data lives in IndexedDB and travels through the sync endpoint).
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && isPosPagePath(url.pathname),
      handler: new NetworkFirst({
        cacheName: POS_PAGES_CACHE,
        networkTimeoutSeconds: 4,
        plugins: [new ExpirationPlugin({ maxEntries: 20 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "next-static", plugins: [new ExpirationPlugin({ maxEntries: 500 })] }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/icons/") || url.pathname.endsWith(".webmanifest")),
      handler: new NetworkFirst({ cacheName: "pwa-assets", networkTimeoutSeconds: 3 }),
    },
  ],
});

serwist.addEventListeners();

type SyncEvent = ExtendableEvent & { tag: string; lastChance?: boolean };

self.addEventListener("sync", ((event: SyncEvent) => {
  if (!event.tag.startsWith("mostrador-sales:")) return;
  const slug = event.tag.slice("mostrador-sales:".length);
  const locks = (self.navigator as unknown as { locks?: LockManagerLike }).locks ?? null;
  event.waitUntil(
    syncBusinessQueue(slug, locks).then((r) => {
      // Rejecting asks the browser to retry this sync later (with its own backoff).
      if (r.kind === "failed") throw new Error(r.error);
    }),
  );
}) as EventListener);
