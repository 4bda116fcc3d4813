"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Decimal } from "@/lib/decimal";
import { addProduct, emptyCart, loadCart, removeLine, saveCart, updateLine, type Cart, type CartLine } from "@/pos/cart";

/**
 * The ticket being rung: kept in a ref too (a charge that waited for pending scans reads the
 * latest), saved on every change so it survives a reload or a browser restart, and with the
 * line just added selected (F2/F4 act on it).
 */
export function useCart(slug: string, registerId: string | null) {
  const [cart, setCartState] = useState<Cart>(emptyCart);
  const ref = useRef<Cart>(cart);
  const [selected, setSelected] = useState(-1);
  const lastAdded = useRef<number | null>(null);

  useEffect(() => {
    if (!registerId) return;
    const stored = loadCart(slug, registerId);
    ref.current = stored;
    setCartState(stored);
    setSelected(stored.lines.length - 1);
  }, [slug, registerId]);

  const setCart = useCallback(
    (update: (c: Cart) => Cart) => {
      ref.current = update(ref.current);
      if (registerId) saveCart(slug, registerId, ref.current);
      setCartState(ref.current);
    },
    [slug, registerId],
  );

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
