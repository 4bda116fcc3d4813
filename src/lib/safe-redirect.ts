/** Where a sign-in without a (valid) way back lands: the businesses list, or the only business. */
export const AFTER_SIGN_IN = "/negocios?ingreso";

// Where to go after signing in: a path on this same site only. "//evil.example" and
// "/\evil.example" are read by browsers as other hosts, so anything but a plain
// "/path?query#hash" falls back to the default.
export function safeCallbackPath(raw: string | null | undefined, fallback = "/negocios"): string {
  if (!raw || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  try {
    const base = "http://same.invalid";
    const u = new URL(raw, base);
    if (u.origin !== base) return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}
