import { afterEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { formatDateTime, setDisplayTimeZone } from "@/lib/format";
import { TimeZoneProvider, useTimeZone } from "./time-zone";

// 23:30 UTC on 1 December: 20:30 that day in Argentina, already 00:30 on the 2nd in Madrid.
const AT = "2026-12-01T23:30:00Z";
const Probe = () => (
  <span>
    {useTimeZone()} · {formatDateTime(AT)}
  </span>
);
const render = () =>
  renderToStaticMarkup(
    <TimeZoneProvider timeZone="Europe/Madrid">
      <Probe />
    </TimeZoneProvider>,
  );

afterEach(() => {
  setDisplayTimeZone("America/Argentina/Buenos_Aires");
  vi.unstubAllGlobals();
});

describe("TimeZoneProvider", () => {
  it("on the server hands the zone down but leaves the shared formatters on Argentina's", () => {
    expect(render()).toContain("Europe/Madrid · 01/12/2026 20:30");
  });
  it("in the browser makes the business's zone the formatters' default from the first render", () => {
    vi.stubGlobal("window", globalThis);
    expect(render()).toContain("Europe/Madrid · 02/12/2026 00:30");
  });
});
