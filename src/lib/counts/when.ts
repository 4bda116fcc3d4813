import { arParts } from "@/lib/ar-time";

/** "dd/mm/aaaa HH:MM" in Argentina, 24-hour, for count entries and reports. */
export function formatWhen(d: Date | string): string {
  const p = arParts(new Date(d));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
