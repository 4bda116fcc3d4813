import { formatDateTime } from "@/lib/format";

/** "dd/mm/aaaa HH:MM" in the business's time zone, 24-hour, for count entries and reports. */
export const formatWhen = (d: Date | string): string => formatDateTime(d);
