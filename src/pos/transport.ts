import type { CatalogDelta } from "./types";
import { TransportError, type OpsTransport, type SyncTransport } from "./sync-contracts";
import { ZOpsResponse, ZSyncResponse } from "../lib/schemas/pos-wire";
import type { CatalogFetcher } from "./catalog";

// HTTP side of the offline POS: plain fetch (no tRPC client) so the service worker can
// use it too. Cookies carry the session; the business comes from the URL path.

export const syncUrl = (slug: string) => `/api/pos/${encodeURIComponent(slug)}/sync`;
export const catalogUrl = (slug: string) => `/api/pos/${encodeURIComponent(slug)}/catalog`;

async function readError(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body?.error?.message) return body.error.message;
  } catch {
    // not JSON
  }
  if (res.status === 401) return "La sesión expiró: volvé a ingresar para sincronizar";
  if (res.status === 403) return "Tu usuario no tiene permiso para vender en este negocio";
  return `El servidor respondió ${res.status}`;
}

export function httpSyncTransport(slug: string, fetchImpl: typeof fetch = fetch): SyncTransport {
  return async (sales, opts) => {
    const res = await fetchImpl(syncUrl(slug), {
      method: "POST",
      headers: { "content-type": "application/json", "x-tenant-slug": slug },
      credentials: "same-origin",
      body: JSON.stringify(opts?.strict ? { sales, strict: true } : { sales }),
    });
    if (!res.ok) throw new TransportError(await readError(res), res.status);
    return ZSyncResponse.parse(await res.json()).results;
  };
}

export function httpOpsTransport(slug: string, fetchImpl: typeof fetch = fetch): OpsTransport {
  return async (ops) => {
    const res = await fetchImpl(`/api/pos/${encodeURIComponent(slug)}/ops`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tenant-slug": slug },
      credentials: "same-origin",
      body: JSON.stringify({ ops }),
    });
    if (!res.ok) throw new TransportError(await readError(res), res.status);
    return ZOpsResponse.parse(await res.json()).results;
  };
}

export function httpCatalogFetcher(slug: string, fetchImpl: typeof fetch = fetch): CatalogFetcher {
  return async (cursor) => {
    const url = `${catalogUrl(slug)}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await fetchImpl(url, { headers: { "x-tenant-slug": slug }, credentials: "same-origin", cache: "no-store" });
    if (!res.ok) throw new TransportError(await readError(res), res.status);
    return (await res.json()) as CatalogDelta;
  };
}

/** Asks the browser not to evict our IndexedDB under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export const backgroundSyncTag = (slug: string) => `mostrador-sales:${slug}`;

/** Registers a Background Sync (Chromium) so the service worker sends the queue once online. */
export async function registerBackgroundSync(slug: string): Promise<boolean> {
  try {
    const nav = (globalThis as { navigator?: Navigator }).navigator;
    if (!nav?.serviceWorker) return false;
    const reg = (await nav.serviceWorker.ready) as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };
    if (!reg.sync) return false;
    await reg.sync.register(backgroundSyncTag(slug));
    return true;
  } catch {
    return false;
  }
}
