import { emptyCart, newId, type Cart } from "./cart";

// Each browser tab of the terminal rings its own ticket: two tabs on the same register and
// shift share the queue (IndexedDB, exactly once by sale id) but never a cart. The cart is
// kept under a per-tab key in localStorage (synchronous: the cart on disk is never behind
// the screen); the tab's id lives in sessionStorage, so a reload keeps the tab's cart.
//
// A browser restart gives every tab a new id (sessionStorage is gone). The cart left behind
// is then an orphan: saved by a tab whose Web Lock nobody holds any more (each tab holds
// `mostrador-pos-tab:<id>` while it lives). The first tab that opens the register adopts
// it, under one exclusive lock so two tabs never adopt the same cart.

/** The slice of Storage used here (localStorage / sessionStorage, or a Map in tests). */
export type KeyValue = {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
  key(i: number): string | null;
  readonly length: number;
};
/** The slice of navigator.locks used here. */
export type TabLocks = {
  request<T>(name: string, options: { ifAvailable?: boolean; mode?: "exclusive" }, cb: (lock: unknown) => Promise<T> | T): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
};
export type TabEnv = { session: KeyValue; local: KeyValue; locks: TabLocks | null };

const TAB_KEY = "mostrador.pos.tab";
const ADOPT_LOCK = "mostrador-pos-cart-adopt";
/** Without Web Locks a tab cannot tell a live tab from a closed one: all tabs share one cart, as before. */
const SHARED = "shared";
const tabLock = (id: string) => `mostrador-pos-tab:${id}`;
const registerPrefix = (slug: string, registerId: string) => `mostrador.pos.cart.${slug}.${registerId}`;
export const cartKey = (slug: string, registerId: string, tabId: string) => `${registerPrefix(slug, registerId)}.${tabId}`;

/** Holds the lock until the page goes away; false when another context holds it already. */
function holdForever(locks: TabLocks, name: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    void locks
      .request(name, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        return lock ? new Promise<void>(() => {}) : undefined;
      })
      .catch(() => resolve(false));
  });
}

/**
 * This tab's id: the one in sessionStorage (kept across reloads), unless another live tab
 * holds it ("duplicate tab" copies sessionStorage), then a fresh one.
 */
export async function claimTabId(env: TabEnv): Promise<string> {
  if (!env.locks) return SHARED;
  let id = env.session.getItem(TAB_KEY) ?? newId();
  for (let i = 0; i < 5 && !(await holdForever(env.locks, tabLock(id))); i++) id = newId();
  try {
    env.session.setItem(TAB_KEY, id);
  } catch {
    // Storage blocked: the id lasts as long as the page.
  }
  return id;
}

function parseCart(raw: string | null): Cart | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Partial<Cart>;
    if (!Array.isArray(c.lines)) return null;
    return { lines: c.lines, discount: typeof c.discount === "string" ? c.discount : "0", customer: c.customer ?? null };
  } catch {
    return null;
  }
}

/** This tab's saved cart; if it has none, the cart of a tab that is gone (adopted: moved to this tab). */
export async function loadTabCart(env: TabEnv, slug: string, registerId: string, tabId: string): Promise<Cart> {
  const own = parseCart(env.local.getItem(cartKey(slug, registerId, tabId)));
  if (own || !env.locks) return own ?? emptyCart();
  const locks = env.locks;
  const adopted = await locks.request(ADOPT_LOCK, { mode: "exclusive" }, async () => {
    const held = new Set(((await locks.query()).held ?? []).map((l) => l.name));
    const prefix = registerPrefix(slug, registerId);
    const keys: string[] = [];
    for (let i = 0; i < env.local.length; i++) {
      const k = env.local.key(i);
      // `prefix` alone: the cart of a version that kept one cart per register.
      if (k && (k === prefix || (k.startsWith(`${prefix}.`) && !held.has(tabLock(k.slice(prefix.length + 1)))))) keys.push(k);
    }
    for (const k of keys) {
      if (k === cartKey(slug, registerId, tabId)) continue;
      const raw = env.local.getItem(k);
      const c = parseCart(raw);
      env.local.removeItem(k);
      if (!c || (c.lines.length === 0 && !c.customer)) continue;
      saveTabCart(env, slug, registerId, tabId, c);
      return c;
    }
    return null;
  });
  return adopted ?? emptyCart();
}

export function saveTabCart(env: Pick<TabEnv, "local">, slug: string, registerId: string, tabId: string, c: Cart): void {
  try {
    const key = cartKey(slug, registerId, tabId);
    if (c.lines.length === 0 && !c.customer) env.local.removeItem(key);
    else env.local.setItem(key, JSON.stringify(c));
  } catch {
    // Storage full or blocked: the sale itself still goes through the durable queue.
  }
}

export function browserTabEnv(): TabEnv {
  const locks = (globalThis as { navigator?: { locks?: TabLocks } }).navigator?.locks ?? null;
  return { session: sessionStorage, local: localStorage, locks };
}

let mine: Promise<string> | null = null;
/** This page's tab id, claimed once (React may mount the terminal more than once). */
export function thisTabId(): Promise<string> {
  mine ??= claimTabId(browserTabEnv());
  return mine;
}
