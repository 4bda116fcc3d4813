// Argentina's civil time, from the IANA zone (never a fixed −3 h offset pasted in code: if the
// country ever observes DST again the tz database knows, and this is the one place to read it).

export const AR_TIME_ZONE = "America/Argentina/Buenos_Aires";

const partsFmt = new Intl.DateTimeFormat("en-CA", {
  timeZone: AR_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

export type ArParts = { year: string; month: string; day: string; hour: string; minute: string; second: string; offset: string };

/** Wall-clock parts in Argentina; `offset` as "-03:00". */
export function arParts(d: Date = new Date()): ArParts {
  const p = Object.fromEntries(partsFmt.formatToParts(d).map((x) => [x.type, x.value])) as Record<string, string>;
  const tz = p.timeZoneName ?? "GMT-03:00";
  const offset = tz === "GMT" ? "+00:00" : tz.replace("GMT", "");
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second!, offset };
}

/** YYYY-MM-DD in Argentina (a sale at 23:30 on the 31st belongs to the 31st, not to UTC's 1st). */
export function arDate(d: Date = new Date()): string {
  const p = arParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** yyyymmdd in Argentina (ARCA's CbteFch). */
export const arYmd = (d: Date = new Date()): string => arDate(d).replace(/-/g, "");

/** yyyymmddhhmiss in Argentina (ARCA's CbteFchHsGen for CAEA documents). */
export function arYmdHms(d: Date = new Date()): string {
  const p = arParts(d);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

/** xsd:dateTime with Argentina's offset, e.g. 2026-12-01T21:30:00-03:00 (WSAA's TRA). */
export function arDateTimeIso(d: Date = new Date()): string {
  const p = arParts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`;
}

/** Adds whole days to a YYYY-MM-DD calendar date. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)) + days);
  return new Date(t).toISOString().slice(0, 10);
}
