"use client";
import { createContext, useContext, type ReactNode } from "react";
import { displayTimeZone, setDisplayTimeZone } from "@/lib/format";

const TimeZoneContext = createContext<string | null>(null);

/**
 * The business's time zone for everything below (layouts pass it from the tenant's settings).
 * It also becomes lib/format's default in the browser, set here during render so that the
 * first render of every child already writes dates and times in it.
 */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  setDisplayTimeZone(timeZone);
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The business's IANA time zone (for day boundaries computed in the browser, e.g. "today"). */
export function useTimeZone(): string {
  return useContext(TimeZoneContext) ?? displayTimeZone();
}
