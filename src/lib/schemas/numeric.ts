// The numeric column shapes, in one client-safe place: the schema's column helpers
// (server/db/schema/columns.ts) and the zod schemas (lib/schemas/decimal.ts) both derive
// from these, so a limit a form accepts is exactly what the column can store.
export type NumericShape = { readonly precision: number; readonly scale: number };

export const NUMERIC = {
  /** Quantities (kg, l, units): numeric(14,3). */
  quantity: { precision: 14, scale: 3 },
  /** Money totals and payments: numeric(14,2). */
  money: { precision: 14, scale: 2 },
  /** Unit prices and unit costs: numeric(14,4). */
  unitPrice: { precision: 14, scale: 4 },
  /** Rates such as IVA: numeric(5,2). */
  percent: { precision: 5, scale: 2 },
} as const satisfies Record<string, NumericShape>;
