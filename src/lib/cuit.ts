// CUIT/CUIL check digit (módulo 11): the one implementation, used by forms, the server
// (fiscal settings, suppliers, customers), the CSV import and the test factories.

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/** Persons 20/23/24/27, companies 30/33/34 (25/26 are also issued to persons). */
export const CUIT_PREFIXES = ["20", "23", "24", "25", "26", "27", "30", "33", "34"] as const;

/** Digits only ("20-12345678-6" → "20123456786"). */
export const normalizeCuit = (v: string): string => v.replace(/[\s.-]/g, "");

/**
 * The check digit for the first ten digits, or null when the computation gives 10: ARCA never
 * issues such a number with that prefix (it assigns 23/24/33/34 instead), so no digit is valid.
 */
export function cuitCheckDigit(first10: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first10[i]), 0);
  const mod = 11 - (sum % 11);
  if (mod === 11) return 0;
  if (mod === 10) return null;
  return mod;
}

export function isValidCuit(value: string): boolean {
  const c = normalizeCuit(value);
  if (!/^\d{11}$/.test(c)) return false;
  if (!(CUIT_PREFIXES as readonly string[]).includes(c.slice(0, 2))) return false;
  return cuitCheckDigit(c.slice(0, 10)) === Number(c[10]);
}

/** A CUIT from a prefix and a DNI/company number, or null when that pair has no valid digit. */
export function makeCuit(prefix: string, number: string): string | null {
  const body = prefix + number.padStart(8, "0");
  const check = cuitCheckDigit(body);
  return check === null ? null : body + String(check);
}

/** "20123456786" → "20-12345678-6". */
export const formatCuit = (v: string): string => {
  const c = normalizeCuit(v);
  return c.length === 11 ? `${c.slice(0, 2)}-${c.slice(2, 10)}-${c.slice(10)}` : v;
};
