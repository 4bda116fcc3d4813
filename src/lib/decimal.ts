import Decimal from "decimal.js";

// One decimal type for money and quantities. Numeric columns arrive as strings;
// wrap them here, compute here (or in SQL), and send strings back.
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export { Decimal };
export type DecimalInput = Decimal.Value;

export const dec = (v: Decimal.Value): Decimal => new Decimal(v);
export const ZERO = new Decimal(0);

/** Money to 2 places, as the string Postgres numeric(14,2) stores. */
export const money = (v: Decimal.Value): string => new Decimal(v).toFixed(2);
/** Quantity to 3 places. */
export const qty = (v: Decimal.Value): string => new Decimal(v).toFixed(3);
/** Unit price / unit cost to 4 places. */
export const unitPrice = (v: Decimal.Value): string => new Decimal(v).toFixed(4);

export const sum = (values: Decimal.Value[]): Decimal =>
  values.reduce<Decimal>((acc, v) => acc.plus(v), ZERO);
