import { describe, expect, it } from "vitest";
import { addProduct, emptyCart } from "./cart";
import { claimTabId, loadTabCart, saveTabCart, type KeyValue, type TabEnv, type TabLocks } from "./tab-cart";

class MemoryStorage implements KeyValue {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
  key = (i: number) => [...this.m.keys()][i] ?? null;
  get length() {
    return this.m.size;
  }
}

/** Web Locks of one browser profile: shared by its tabs; a tab that goes away releases its locks. */
class BrowserLocks {
  held = new Map<string, string>(); // lock name → owner tab
  forTab(owner: string): TabLocks {
    return {
      request: async (name, options, cb) => {
        if (this.held.has(name)) {
          if (options.ifAvailable) return cb(null);
          while (this.held.has(name)) await new Promise((r) => setTimeout(r, 1));
        }
        this.held.set(name, owner);
        const out = cb({ name });
        // A callback that never settles keeps the lock (the tab's lifetime); others release at the end.
        void Promise.resolve(out).then(() => this.held.get(name) === owner && this.held.delete(name));
        return out;
      },
      query: async () => ({ held: [...this.held.keys()].map((name) => ({ name })) }),
    };
  }
  closeTab(owner: string) {
    for (const [name, o] of this.held) if (o === owner) this.held.delete(name);
  }
}

const cola = { id: "p-cola", name: "Cola", salePrice: "1900" };
const leche = { id: "p-leche", name: "Leche", salePrice: "1500" };

describe("one cart per tab", () => {
  it("two tabs on the same register keep separate carts; a reload keeps the tab's own", async () => {
    const local = new MemoryStorage();
    const locks = new BrowserLocks();
    const tab = (name: string, session: KeyValue = new MemoryStorage()): TabEnv => ({ session, local, locks: locks.forTab(name) });
    const a = tab("a");
    const b = tab("b");
    const idA = await claimTabId(a);
    const idB = await claimTabId(b);
    expect(idA).not.toBe(idB);
    saveTabCart(a, "demo", "r1", idA, addProduct(emptyCart(), cola));
    // Tab B opens the same register: its own (empty) cart, not A's.
    expect((await loadTabCart(b, "demo", "r1", idB)).lines).toEqual([]);
    saveTabCart(b, "demo", "r1", idB, addProduct(emptyCart(), leche));
    expect((await loadTabCart(a, "demo", "r1", idA)).lines.map((l) => l.productId)).toEqual(["p-cola"]);
    // Tab A reloads: same sessionStorage, its lock released and taken again → same id, same cart.
    locks.closeTab("a");
    const a2 = tab("a2", a.session);
    expect(await claimTabId(a2)).toBe(idA);
    expect((await loadTabCart(a2, "demo", "r1", idA)).lines.map((l) => l.productId)).toEqual(["p-cola"]);
    expect((await loadTabCart(b, "demo", "r1", idB)).lines.map((l) => l.productId)).toEqual(["p-leche"]);
  });

  it("a duplicated tab (sessionStorage copied) gets its own id while the original lives", async () => {
    const local = new MemoryStorage();
    const locks = new BrowserLocks();
    const session = new MemoryStorage();
    const idA = await claimTabId({ session, local, locks: locks.forTab("a") });
    const copy = new MemoryStorage();
    copy.setItem("mostrador.pos.tab", idA);
    expect(await claimTabId({ session: copy, local, locks: locks.forTab("dup") })).not.toBe(idA);
  });

  it("after a browser restart the cart left behind is adopted once, by one tab", async () => {
    const local = new MemoryStorage();
    const before = new BrowserLocks();
    const old = { session: new MemoryStorage(), local, locks: before.forTab("old") };
    const oldId = await claimTabId(old);
    saveTabCart(old, "demo", "r1", oldId, addProduct(emptyCart(), cola, "2"));
    before.closeTab("old");
    // Restart: new tabs, new sessionStorage, the same localStorage.
    const locks = new BrowserLocks();
    const x = { session: new MemoryStorage(), local, locks: locks.forTab("x") };
    const y = { session: new MemoryStorage(), local, locks: locks.forTab("y") };
    const [idX, idY] = await Promise.all([claimTabId(x), claimTabId(y)]);
    const [cx, cy] = await Promise.all([loadTabCart(x, "demo", "r1", idX), loadTabCart(y, "demo", "r1", idY)]);
    const got = [cx, cy].filter((c) => c.lines.length > 0);
    expect(got).toHaveLength(1);
    expect(got[0]!.lines[0]).toMatchObject({ productId: "p-cola", quantity: "2" });
    // It now belongs to the adopting tab (a reload of that tab finds it under its own key).
    const adopter = cx.lines.length > 0 ? { env: x, id: idX } : { env: y, id: idY };
    expect(local.getItem(`mostrador.pos.cart.demo.r1.${adopter.id}`)).toContain("p-cola");
    expect(local.getItem(`mostrador.pos.cart.demo.r1.${oldId}`)).toBeNull();
    // Another register's cart is never taken.
    expect((await loadTabCart(adopter.env, "demo", "r2", adopter.id)).lines).toEqual([]);
  });

  it("a cart saved by the version with one cart per register is adopted too", async () => {
    const local = new MemoryStorage();
    local.setItem("mostrador.pos.cart.demo.r1", JSON.stringify(addProduct(emptyCart(), leche)));
    const env = { session: new MemoryStorage(), local, locks: new BrowserLocks().forTab("t") };
    const id = await claimTabId(env);
    expect((await loadTabCart(env, "demo", "r1", id)).lines.map((l) => l.productId)).toEqual(["p-leche"]);
    expect(local.getItem("mostrador.pos.cart.demo.r1")).toBeNull();
  });
});
