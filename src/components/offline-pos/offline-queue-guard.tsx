"use client";

import { useEffect, useRef } from "react";

/** Events other screens dispatch (cancelable) before signing out or closing a cash session. */
export const BEFORE_SIGN_OUT = "mostrador:before-sign-out";
export const BEFORE_CLOSE_SESSION = "mostrador:before-close-session";

/**
 * Mounted in the business layout: while this browser's offline queue holds sales (or
 * refused sales are unresolved), signing out and closing a cash session are cancelled with a
 * clear message. The check must answer synchronously, so counts are kept fresh in a ref.
 */
export function OfflineQueueGuard({ slug }: { slug: string }) {
  const message = useRef<string | null>(null);

  useEffect(() => {
    let alive = true;
    // The offline queue's code (IndexedDB, the sync engine's channel) loads after the page is up,
    // in its own chunk: every page of the business mounts this guard, few ever need it at once.
    const pos = Promise.all([import("@/pos/guard"), import("@/pos/worker-sync")]);
    const refresh = () =>
      pos
        .then(([{ offlineSalesBlock }]) => offlineSalesBlock(slug))
        .then((b) => {
          if (!alive) return;
          message.current = b.message;
          // Observable state (e2e waits on it instead of on time): has the guard read the queue yet?
          document.documentElement.dataset.offlineGuard = b.message ? "blocking" : "clear";
        })
        .catch(() => {});
    void refresh();
    const timer = setInterval(refresh, 3_000);
    let ch = null as BroadcastChannel | null;
    void pos.then(([, { POS_CHANNEL }]) => {
      if (!alive || typeof BroadcastChannel === "undefined") return;
      ch = new BroadcastChannel(POS_CHANNEL);
      ch.onmessage = () => void refresh();
    }, () => {});
    const block = (ev: Event) => {
      if (!message.current) return;
      ev.preventDefault();
      window.alert(message.current);
    };
    window.addEventListener(BEFORE_SIGN_OUT, block);
    window.addEventListener(BEFORE_CLOSE_SESSION, block);
    return () => {
      alive = false;
      clearInterval(timer);
      ch?.close();
      window.removeEventListener(BEFORE_SIGN_OUT, block);
      window.removeEventListener(BEFORE_CLOSE_SESSION, block);
    };
  }, [slug]);

  return null;
}
