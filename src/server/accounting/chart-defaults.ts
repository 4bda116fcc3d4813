// The default Argentine chart for a shop, restaurant or hotel, and the mapping from
// Mostrador's events to it. Created on first use and editable per tenant afterwards.
export type AccountType = "ASSET" | "LIABILITY" | "EQUITY" | "REVENUE" | "EXPENSE";

export const DEFAULT_ACCOUNTS: { code: string; name: string; type: AccountType }[] = [
  { code: "1.1.01", name: "Caja", type: "ASSET" },
  { code: "1.1.02", name: "Bancos", type: "ASSET" },
  { code: "1.1.03", name: "Tarjetas a cobrar", type: "ASSET" },
  { code: "1.1.04", name: "Deudores por ventas", type: "ASSET" },
  { code: "1.1.05", name: "IVA crédito fiscal", type: "ASSET" },
  { code: "1.1.06", name: "Percepciones de IVA sufridas", type: "ASSET" },
  { code: "1.1.07", name: "Percepciones de IIBB sufridas", type: "ASSET" },
  { code: "1.1.08", name: "Otras percepciones y pagos a cuenta", type: "ASSET" },
  { code: "1.2.01", name: "Mercaderías", type: "ASSET" },
  { code: "2.1.01", name: "Proveedores", type: "LIABILITY" },
  { code: "2.1.02", name: "IVA débito fiscal", type: "LIABILITY" },
  { code: "3.1.01", name: "Capital", type: "EQUITY" },
  { code: "4.1.01", name: "Ventas", type: "REVENUE" },
  { code: "5.1.01", name: "Costo de mercaderías vendidas", type: "EXPENSE" },
  { code: "5.1.02", name: "Diferencias de inventario", type: "EXPENSE" },
  { code: "5.2.01", name: "Gastos generales", type: "EXPENSE" },
  { code: "5.2.02", name: "Faltantes y sobrantes de caja", type: "EXPENSE" },
  { code: "5.2.03", name: "Diferencias de redondeo", type: "EXPENSE" },
];

/** Every key generation needs, with its default account code and a label for the mapping screen. */
export const MAPPING_KEYS = {
  "payment.CASH": { code: "1.1.01", label: "Cobros en efectivo" },
  "payment.DEBIT": { code: "1.1.03", label: "Cobros con débito" },
  "payment.CREDIT": { code: "1.1.03", label: "Cobros con crédito" },
  "payment.TRANSFER": { code: "1.1.02", label: "Cobros por transferencia" },
  "payment.ACCOUNT": { code: "1.1.04", label: "Ventas en cuenta corriente" },
  "payment.ROOM_CHARGE": { code: "1.1.04", label: "Cargos a habitación" },
  "collection.CASH": { code: "1.1.01", label: "Cobranzas de clientes en efectivo" },
  "collection.TRANSFER": { code: "1.1.02", label: "Cobranzas de clientes por transferencia" },
  "collection.DEBIT": { code: "1.1.03", label: "Cobranzas de clientes con débito" },
  "collection.CREDIT": { code: "1.1.03", label: "Cobranzas de clientes con crédito" },
  "collection.CHECK": { code: "1.1.02", label: "Cobranzas de clientes con cheque" },
  "payable.CASH": { code: "1.1.01", label: "Pagos a proveedores en efectivo" },
  "payable.TRANSFER": { code: "1.1.02", label: "Pagos a proveedores por transferencia" },
  "payable.CHECK": { code: "1.1.02", label: "Pagos a proveedores con cheque" },
  "payable.CARD": { code: "1.1.02", label: "Pagos a proveedores con tarjeta" },
  "payable.OTHER": { code: "1.1.02", label: "Pagos a proveedores (otros)" },
  sales: { code: "4.1.01", label: "Ventas (neto)" },
  "vat.debit": { code: "2.1.02", label: "IVA débito fiscal" },
  "vat.credit": { code: "1.1.05", label: "IVA crédito fiscal" },
  "perception.IVA": { code: "1.1.06", label: "Percepciones de IVA" },
  "perception.IIBB": { code: "1.1.07", label: "Percepciones de IIBB" },
  "perception.MUNICIPAL": { code: "1.1.08", label: "Percepciones municipales" },
  "perception.NATIONAL": { code: "1.1.08", label: "Otros impuestos nacionales" },
  "perception.INTERNAL": { code: "1.1.08", label: "Impuestos internos" },
  "perception.OTHER": { code: "1.1.08", label: "Otros tributos" },
  inventory: { code: "1.2.01", label: "Mercaderías (inventario)" },
  cogs: { code: "5.1.01", label: "Costo de mercaderías vendidas" },
  suppliers: { code: "2.1.01", label: "Proveedores" },
  customers: { code: "1.1.04", label: "Deudores por ventas" },
  "cash.overshort": { code: "5.2.02", label: "Faltantes y sobrantes de caja" },
  "inventory.adjustment": { code: "5.1.02", label: "Diferencias de inventario (conteos)" },
  "expense.default": { code: "5.2.01", label: "Gastos sin cuenta asignada" },
  rounding: { code: "5.2.03", label: "Diferencias de redondeo" },
} as const satisfies Record<string, { code: string; label: string }>;
export type MappingKey = keyof typeof MAPPING_KEYS;
export const MAPPING_KEY_LIST = Object.keys(MAPPING_KEYS) as MappingKey[];
