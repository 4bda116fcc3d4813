import { formatNumber } from "./number";

// One helper for counts in Spanish text ("1 producto", "12 botellas", "1.500 unidades"): the
// number in es-AR format and the word that agrees with it.

/** The word for `n`: "producto" for 1, else the plural (default: the word + "s"). */
export const pluralWord = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 producto", "12 productos", "1.500 unidades" (pass the plural when it is not just + "s"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${pluralWord(n, one, many)}`;
