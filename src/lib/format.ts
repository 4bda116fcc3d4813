import { Decimal } from "./decimal";
import { formatMoney as moneyText, formatQuantity } from "./number";
import { AR_TIME_ZONE } from "./ar-time";

// Numbers are written by lib/number.ts (exact, no float on the way); dates and times here, the
// one formatter for both: dd/mm/aaaa and 24-hour time, in the business's time zone (Argentina's
// unless the caller passes the business's own IANA zone), whatever the browser's locale says.

/** Whether `tz` is an IANA zone this runtime knows ("America/Argentina/Cordoba"). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// The zone instants are shown in when a caller passes none. In the browser it is the business's
// own, set once per page by TimeZoneProvider (components/shell/time-zone.tsx) before any child
// renders; one page shows one business, so a module value is enough there. On the server it
// stays Argentina's and never changes (requests of different businesses share the module):
// server code passes the tenant's zone explicitly.
let displayZone = AR_TIME_ZONE;

/** Sets the browser's display zone to the business's (ignored on the server and for unknown zones). */
export function setDisplayTimeZone(tz: string): void {
  if (typeof window !== "undefined" && isTimeZone(tz)) displayZone = tz;
}

/** The zone instants are shown in by default (the business's, in the browser). */
export const displayTimeZone = (): string => displayZone;

const cache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    cache.set(timeZone, f);
  }
  return f;
}

function parts(d: Date | string, timeZone: string) {
  const p = Object.fromEntries(partsFormat(timeZone).formatToParts(new Date(d)).map((x) => [x.type, x.value]));
  return { day: p.day!, month: p.month!, year: p.year!, hour: p.hour!, minute: p.minute! };
}

export const formatMoney = (v: Decimal.Value) => moneyText(v);
export const formatQty = (v: Decimal.Value) => formatQuantity(v);

/** "01/12/2026": an instant's calendar day in the business's time zone. */
export function formatDate(d: Date | string, timeZone = displayZone): string {
  const p = parts(d, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "01/12/2026 18:14" (24-hour clock). */
export function formatDateTime(d: Date | string, timeZone = displayZone): string {
  const p = parts(d, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "18:14". */
export function formatTime(d: Date | string, timeZone = displayZone): string {
  const p = parts(d, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** "2026-12-01": an instant's calendar day in the zone (the business's by default), e.g. today for a date field. */
export function calendarDateIn(d: Date | string = new Date(), timeZone = displayZone): string {
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
