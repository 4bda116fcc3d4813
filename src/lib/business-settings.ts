// Client-safe vocabulary of the business settings page (issue 14 item 4).

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

export const timeZoneLabel = (tz: string): string => tz.replace("America/Argentina/", "").replaceAll("_", " ");
