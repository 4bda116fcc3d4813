import { POS_PAGES_CACHE } from "./sw-routes";

/** Registers /sw.js for the whole origin. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return null;
  try {
    return await navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" });
  } catch {
    return null;
  }
}

/**
 * Stores this page's HTML in the cache the service worker serves POS pages from. The very
 * first visit happens before the worker controls the page, so without this an immediate
 * offline reload would find nothing cached.
 */
export async function warmPageCache(pathname: string): Promise<void> {
  if (typeof caches === "undefined") return;
  try {
    await navigator.serviceWorker.ready;
    const url = new URL(pathname, window.location.origin).href;
    const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    if (res.ok && !res.redirected) await (await caches.open(POS_PAGES_CACHE)).put(url, res);
  } catch {
    // Offline or blocked: the worker caches it on the next online navigation anyway.
  }
}
