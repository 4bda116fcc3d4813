"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Decimal } from "@/lib/decimal";
import { addProduct, emptyCart, removeLine, updateLine, type Cart, type CartLine } from "@/pos/cart";
import { browserTabEnv, loadTabCart, saveTabCart, thisTabId } from "@/pos/tab-cart";

/**
 * The ticket being rung: kept in a ref too (a charge that waited for pending scans reads the
 * latest), saved on every change so it survives a reload or a browser restart (one cart per
 * tab: tab-cart.ts), and with the line just added selected (F2/F4 act on it).
 */
export function useCart(slug: string, registerId: string | null) {
  const [cart, setCartState] = useState<Cart>(emptyCart);
  const ref = useRef<Cart>(cart);
  const [selected, setSelectedState] = useState(-1);
  const selectedRef = useRef(-1);
  const setSelected = useCallback((v: number | ((s: number) => number)) => {
    selectedRef.current = typeof v === "function" ? v(selectedRef.current) : v;
    setSelectedState(selectedRef.current);
  }, []);
  const lastAdded = useRef<number | null>(null);

  // Where this tab's cart is saved; null until the tab's id is claimed and the cart loaded.
  const saveTo = useRef<{ slug: string; registerId: string; tabId: string } | null>(null);

  useEffect(() => {
    saveTo.current = null;
    ref.current = emptyCart();
    setCartState(ref.current);
    if (!registerId) return;
    let live = true;
    void (async () => {
      const env = browserTabEnv();
      const tabId = await thisTabId();
      const stored = await loadTabCart(env, slug, registerId, tabId);
      if (!live) return;
      saveTo.current = { slug, registerId, tabId };
      // Scanned while the saved cart was being read (a few ms after opening): keep those lines.
      const next = ref.current.lines.length > 0 ? ref.current : stored;
      ref.current = next;
      saveTabCart(env, slug, registerId, tabId, next);
      setCartState(next);
      setSelected(next.lines.length - 1);
    })();
    return () => {
      live = false;
    };
  }, [slug, registerId, setSelected]);

  const setCart = useCallback((update: (c: Cart) => Cart) => {
    ref.current = update(ref.current);
    const to = saveTo.current;
    if (to) saveTabCart(browserTabEnv(), to.slug, to.registerId, to.tabId, ref.current);
    setCartState(ref.current);
  }, []);

  // The selection is in place before the next key press is handled.
  useLayoutEffect(() => {
    if (lastAdded.current === null) return;
    setSelected(lastAdded.current);
    lastAdded.current = null;
  }, [cart]);

  const add = useCallback(
    (p: { id: string; name: string; salePrice: string }, quantity: string) =>
      setCart((c) => {
        const next = addProduct(c, p, quantity);
        lastAdded.current = next.lines.findIndex((l) => l.productId === p.id && new Decimal(l.unitPrice).eq(p.salePrice));
        return next;
      }),
    [setCart],
  );

  return {
    cart,
    cartRef: ref,
    setCart,
    selected,
    selectedRef,
    setSelected,
    add,
    update: useCallback((i: number, patch: Partial<CartLine>) => setCart((c) => updateLine(c, i, patch)), [setCart]),
    remove: useCallback(
      (i: number) => {
        setCart((c) => removeLine(c, i));
        setSelected((s) => Math.min(s, ref.current.lines.length - 1));
      },
      [setCart],
    ),
    clear: useCallback(() => setCart(() => emptyCart()), [setCart]),
  };
}
