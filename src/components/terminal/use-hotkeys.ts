"use client";

import { useEffect, useRef } from "react";

/** Keys by name: "F9", "Alt+i"… */
export type Hotkeys = Record<string, () => void>;

export const keyName = (e: { key: string; altKey: boolean }) => (e.altKey ? `Alt+${e.key.toLowerCase()}` : e.key);

/** The terminal's global keys, active while no dialog is open (dialogs own their keys). */
export function useHotkeys(keys: Hotkeys, enabled: boolean) {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    function onKey(e: KeyboardEvent) {
      const fn = ref.current[keyName(e)];
      if (!fn) return;
      e.preventDefault();
      fn();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
