"use client";
import type { KeyboardEvent, RefObject } from "react";
import { formatMoney } from "@/lib/format";
import type { useScanner } from "./use-scanner";

/** The scan field and, for a name search, the results the cashier picks with ↑/↓ + Enter. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function ScanBar({
  scanner,
  inputRef,
  disabled,
  onOtherKey,
}: {
  scanner: ReturnType<typeof useScanner>;
  inputRef: RefObject<HTMLInputElement | null>;
  disabled?: boolean;
  onOtherKey: (e: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const { results, index } = scanner;
  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (results) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        scanner.setIndex((i) => (e.key === "ArrowDown" ? Math.min(i + 1, results.items.length - 1) : Math.max(i - 1, 0)));
        return;
      }
      if (e.key === "Enter") {
        e.preventDefault();
        scanner.pickResult(index);
        return;
      }
      if (e.key === "Escape") {
        scanner.closeResults();
        return;
      }
    }
    if (e.key === "Enter") {
      e.preventDefault();
      scanner.submit();
      return;
    }
    onOtherKey(e);
  }
  return (
    <div className="relative">
      <label htmlFor="pos-scan" className="sr-only">
        Código de barras o nombre
      </label>
      <input
        id="pos-scan"
        ref={inputRef}
        data-testid="pos-scan"
        // ARIA 1.2 combobox: focus stays in the field, the highlighted result is announced.
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={!!results}
        aria-controls="pos-scan-results"
        aria-activedescendant={results && results.items[index] ? `pos-scan-option-${index}` : undefined}
        autoFocus
        autoComplete="off"
        disabled={disabled}
        value={scanner.text}
        onChange={(e) => scanner.setText(e.target.value)}
        onKeyDown={onKey}
        placeholder="Escaneá o escribí código o nombre y Enter"
        className="block w-full min-w-0 rounded-lg border-2 border-teal-600 px-3 py-3 text-lg focus:outline-none"
      />
      {results ? (
        <ul id="pos-scan-results" role="listbox" aria-label="Resultados" className="absolute z-10 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg">
          {results.items.map((p, i) => (
            <li
              key={p.id}
              id={`pos-scan-option-${i}`}
              role="option"
              aria-selected={i === index}
              onMouseDown={(e) => {
                e.preventDefault();
                scanner.pickResult(i);
              }}
              className={`flex min-h-11 cursor-pointer items-center justify-between gap-2 px-3 py-2 ${i === index ? "bg-teal-50" : ""}`}
            >
              <span className="min-w-0 break-words">{p.name}</span>
              <span className="shrink-0 text-slate-600">{formatMoney(p.salePrice)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
