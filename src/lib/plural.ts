import { formatNumber } from "./number";

// One helper for counts in Spanish text ("1 producto", "12 botellas", "1.500 unidades"): the
// number in es-AR format and the word that agrees with it.

/** The word for `n`: "producto" for 1, else the plural (default: the word + "s"). */
export const pluralWord = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 producto", "12 productos", "1.500 unidades" (pass the plural when it is not just + "s"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${pluralWord(n, one, many)}`;

// Unit symbols never take a plural ("3 kg", "20 u"); unit words do ("1 botella", "20 botellas", "4 bidones").
const SYMBOLS = new Set(["u", "u.", "g", "kg", "mg", "l", "ml", "cc", "cm", "m", "mm", "oz", "lb"]);
const UNACCENT: Record<string, string> = { á: "a", é: "e", í: "i", ó: "o", ú: "u" };

/** A product's unit word agreeing with a quantity (a decimal text or number): "botella" → "botellas", "bidón" → "bidones". */
export function unitWord(quantity: string | number, unit: string): string {
  const q = Number(quantity);
  if (q === 1 || SYMBOLS.has(unit.toLowerCase()) || !/^[\p{L} ]+$/u.test(unit)) return unit;
  if (/[aeiouáéó]$/i.test(unit)) return `${unit}s`;
  if (/z$/i.test(unit)) return `${unit.slice(0, -1)}ces`;
  // Borrowed words ending in other consonants take a plain s ("packs").
  if (!/[lrndj]$/i.test(unit)) return `${unit}s`;
  // "bidón" → "bidones": the stress moves, so the written accent goes.
  return `${unit.replace(/([áéíóú])([^aeiouáéíóú]*)$/i, (_, v: string, rest: string) => (UNACCENT[v.toLowerCase()] ?? v) + rest)}es`;
}
