// CUIT/CUIL check digit (módulo 11). Pure: used by forms and the server alike.

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Digits only ("20-12345678-6" → "20123456786"). */
export const normalizeCuit = (v: string): string => v.replace(/[\s.-]/g, "");

export function isValidCuit(value: string): boolean {
  const c = normalizeCuit(value);
  if (!/^\d{11}$/.test(c)) return false;
  if (!["20", "23", "24", "25", "26", "27", "30", "33", "34"].includes(c.slice(0, 2))) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(c[i]), 0);
  const mod = 11 - (sum % 11);
  const check = mod === 11 ? 0 : mod === 10 ? 9 : mod;
  return check === Number(c[10]);
}

/** "20123456786" → "20-12345678-6". */
export const formatCuit = (v: string): string => {
  const c = normalizeCuit(v);
  return c.length === 11 ? `${c.slice(0, 2)}-${c.slice(2, 10)}-${c.slice(10)}` : v;
};
