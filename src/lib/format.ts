import { Decimal } from "./decimal";

const moneyFmt = new Intl.NumberFormat("es-AR", { style: "currency", currency: "ARS" });
const qtyFmt = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 3 });
const dateFmt = new Intl.DateTimeFormat("es-AR", { dateStyle: "short", timeZone: "America/Argentina/Buenos_Aires" });
const dateTimeFmt = new Intl.DateTimeFormat("es-AR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "America/Argentina/Buenos_Aires",
});

// Intl formats numbers, so a decimal string is converted only at the display edge,
// after all arithmetic is done in Decimal.
export const formatMoney = (v: Decimal.Value) => moneyFmt.format(new Decimal(v).toNumber());
export const formatQty = (v: Decimal.Value) => qtyFmt.format(new Decimal(v).toNumber());
export const formatDate = (d: Date | string) => dateFmt.format(new Date(d));
export const formatDateTime = (d: Date | string) => dateTimeFmt.format(new Date(d));
