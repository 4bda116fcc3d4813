/** Lower case, accents stripped, whitespace collapsed: "Café  Molido" → "cafe molido". */
export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.,%/-]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** Distinct words (for the multi-entry search index). */
export function words(...parts: string[]): string[] {
  const out = new Set<string>();
  for (const p of parts) for (const w of normalizeText(p).split(" ")) if (w) out.add(w);
  return [...out];
}
