// Client-safe vocabulary of the business settings page (issue 14 item 4).
import { isTimeZone } from "./format";

/** Argentina's IANA time zones (the country spans one offset, but provinces have their own ids). */
export const AR_TIME_ZONES = [
  "America/Argentina/Buenos_Aires",
  "America/Argentina/Cordoba",
  "America/Argentina/Salta",
  "America/Argentina/Jujuy",
  "America/Argentina/Tucuman",
  "America/Argentina/Catamarca",
  "America/Argentina/La_Rioja",
  "America/Argentina/San_Juan",
  "America/Argentina/Mendoza",
  "America/Argentina/San_Luis",
  "America/Argentina/Rio_Gallegos",
  "America/Argentina/Ushuaia",
] as const;

const ACCENTED: Record<string, string> = { Cordoba: "Córdoba", Tucuman: "Tucumán", Rio_Gallegos: "Río Gallegos", Buenos_Aires: "Buenos Aires (hora de Argentina)" };

/** "America/Argentina/Cordoba" → "Córdoba". */
export const timeZoneLabel = (tz: string): string => {
  const city = tz.replace("America/Argentina/", "");
  return ACCENTED[city] ?? city.replaceAll("_", " ");
};

/** The business's time zone from its settings JSON (Buenos Aires when unset or unknown to this runtime). */
export function businessTimeZone(settings: Record<string, unknown> | null | undefined): string {
  const tz = settings?.timezone;
  return isTimeZone(tz) ? tz : AR_TIME_ZONES[0];
}
