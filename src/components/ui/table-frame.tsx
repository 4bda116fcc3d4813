"use client";
import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The box every list table sits in. While the table fits it is a table; when its columns would
 * need more room than the box has (a phone, or a wide table on a laptop next to the menu) the
 * rows turn into cards, each cell labelled with its column header, so nothing hides off to the
 * right (action columns included) and the page never scrolls sideways.
 *
 * In between, a table whose text cells may wrap (names, references) is tried first.
 * The switch is measured, not guessed from a breakpoint: each table fits at a different width.
 * It is decided before paint (layout effect, observers), from the table laid out as a table.
 */
export function TableFrame({ children, className = "" }: { children: ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const decide = () => {
      const table = el.querySelector("table");
      if (!table) return;
      labelCells(table);
      // Try the layouts from the roomiest down and keep the first that fits: the table as
      // designed, the table with its text cells wrapping, then cards.
      for (const layout of ["table", "wrap"] as const) {
        el.dataset.layout = layout;
        if (el.scrollWidth <= el.clientWidth + 1) return;
      }
      el.dataset.layout = "cards";
    };
    decide();
    let width = el.clientWidth;
    const resized = new ResizeObserver(() => {
      // Only a change of width matters (the card layout itself changes the height).
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      decide();
    });
    resized.observe(el);
    // Rows come and go with the data: a longer row may no longer fit.
    const changed = new MutationObserver(decide);
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
  return (
    <div ref={box} data-table-frame="" data-layout="table" className={`table-frame overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}

/** Gives every body cell its column's header text (shown as the label in card layout). */
function labelCells(table: HTMLTableElement) {
  const headRow = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!headRow) return;
  const labels: string[] = [];
  for (const th of Array.from(headRow.cells)) {
    const text = (th.textContent ?? "").replace(/[▲▼↕]/g, "").trim();
    for (let i = 0; i < (th.colSpan || 1); i++) labels.push(i === 0 ? text : "");
  }
  const rows = [...Array.from(table.tBodies).flatMap((b) => Array.from(b.rows)), ...(table.tFoot ? Array.from(table.tFoot.rows) : [])];
  for (const row of rows) {
    let col = 0;
    for (const cell of Array.from(row.cells)) {
      const label = cell.colSpan > 1 ? "" : (labels[col] ?? "");
      if (cell.getAttribute("data-label") !== label) cell.setAttribute("data-label", label);
      // Short values ("37 → 36", "-1", a code) read badly broken over two lines: only longer text wraps.
      const short = (cell.textContent ?? "").trim().length <= 12;
      if (cell.hasAttribute("data-short") !== short) cell.toggleAttribute("data-short", short);
      col += cell.colSpan || 1;
    }
  }
}
