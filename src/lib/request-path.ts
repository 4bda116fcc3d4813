// The page a request asked for, handed from the proxy (src/proxy.ts) to server components,
// which cannot read the URL themselves: a page that sends an anonymous visitor to sign in uses
// it so the sign-in brings them back to that same page (a deep link survives the sign-in).
export const REQUEST_PATH_HEADER = "x-mostrador-path";

/** `raw` when it is a path inside the business `slug` (never another site nor another business), else null. */
export function returnPathInBusiness(raw: string | null | undefined, slug: string): string | null {
  if (!raw || raw.length > 2000) return null;
  const base = `/${slug}`;
  if (raw !== base && !raw.startsWith(`${base}/`) && !raw.startsWith(`${base}?`)) return null;
  if (raw.includes("\\") || raw.includes("//") || /[\u0000-\u001f\u007f]/.test(raw)) return null;
  return raw;
}
