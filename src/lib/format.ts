import { Decimal } from "./decimal";
import { formatMoney as moneyText, formatQuantity } from "./number";

const dateFmt = new Intl.DateTimeFormat("es-AR", { dateStyle: "short", timeZone: "America/Argentina/Buenos_Aires" });
const dateTimeFmt = new Intl.DateTimeFormat("es-AR", {
  dateStyle: "short",
  timeStyle: "short",
  // Chromium's es-AR data writes "12:26 a. m." otherwise; the product shows 24-hour times.
  hourCycle: "h23",
  timeZone: "America/Argentina/Buenos_Aires",
});

// Numbers are written by lib/number.ts (exact, no float on the way); dates by Intl.
export const formatMoney = (v: Decimal.Value) => moneyText(v);
export const formatQty = (v: Decimal.Value) => formatQuantity(v);
export const formatDate = (d: Date | string) => dateFmt.format(new Date(d));
export const formatDateTime = (d: Date | string) => dateTimeFmt.format(new Date(d));
