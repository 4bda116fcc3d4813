"use client";

import { useCallback, useRef, useState } from "react";
import { parseScan } from "@/pos/cart";
import { ScanQueue } from "@/pos/scan-queue";
import type { StoredProduct } from "@/pos/types";

export type Notice = { kind: "error" | "success" | "info" | "warning"; text: string } | null;

/**
 * The scan field: every Enter goes into one ScanQueue (never lost, never reordered); a code
 * is looked up in the local catalog (barcode, then SKU), otherwise it is a name search whose
 * results the cashier picks with ↑/↓ + Enter. All local: the network is never on this path.
 */
export function useScanner(opts: {
  lookup: (code: string) => Promise<StoredProduct | undefined>;
  search: (q: string) => Promise<StoredProduct[]>;
  add: (p: StoredProduct, quantity: string) => void;
  notify: (n: Notice) => void;
}) {
  const [text, setText] = useState("");
  const [results, setResults] = useState<{ items: StoredProduct[]; quantity: string; typed: string } | null>(null);
  const [index, setIndex] = useState(0);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const pick = useCallback((p: StoredProduct, quantity: string, typed?: string) => {
    if (!p.active) {
      optsRef.current.notify({ kind: "error", text: `«${p.name}» está dado de baja y no se puede vender.` });
      return;
    }
    optsRef.current.add(p, quantity);
    optsRef.current.notify(null);
    setResults(null);
    // Clear a typed name once it resolved, unless the cashier already typed something else.
    if (typed !== undefined) setText((current) => (current.trim() === typed ? "" : current));
  }, []);

  const queue = useRef<ScanQueue | null>(null);
  queue.current ??= new ScanQueue(
    async (raw) => {
      const { quantity, code } = parseScan(raw);
      const isCode = /^[0-9]+$/.test(code);
      const byCode = await optsRef.current.lookup(code);
      if (byCode) return pick(byCode, quantity, isCode ? undefined : raw);
      const found = isCode ? [] : await optsRef.current.search(code);
      if (found.length === 1) return pick(found[0]!, quantity, raw);
      if (found.length === 0) {
        optsRef.current.notify({ kind: "error", text: `No encontramos ningún producto con «${code}».` });
        return;
      }
      setResults({ items: found, quantity, typed: raw });
      setIndex(0);
    },
    (raw) => optsRef.current.notify({ kind: "error", text: `No se pudo buscar «${raw}». Probá de nuevo.` }),
  );

  /** Enter in the scan field. A code leaves the field at once (the scanner types the next one). */
  const submit = useCallback(() => {
    const raw = text.trim();
    if (!raw) return;
    if (/^[0-9]+$/.test(parseScan(raw).code)) setText("");
    queue.current!.push(raw);
  }, [text]);

  return {
    text,
    setText: (v: string) => {
      setText(v);
      if (results) setResults(null);
    },
    submit,
    results,
    index,
    setIndex,
    closeResults: () => setResults(null),
    pickResult: (i: number) => results && results.items[i] && pick(results.items[i]!, results.quantity, results.typed),
    idle: () => queue.current!.idle(),
  };
}
