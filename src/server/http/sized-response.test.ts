import { describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD_BYTES, sizedResponse } from "./sized-response";

describe("sizedResponse", () => {
  it("keeps status, headers and body; a small body is not to be transformed, none is stored", async () => {
    const body = JSON.stringify({ result: { data: { json: { nombre: "Café ñandú" } } } });
    const res = await sizedResponse(new Response(body, { status: 207, headers: { "x-request-id": "r1", "content-type": "application/json" } }));
    expect(res.status).toBe(207);
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await res.text()).toBe(body);
  });

  it("leaves a body at or over the threshold (counted in bytes, not characters) compressible", async () => {
    // 512 "ñ" are 512 characters but 1,024 bytes.
    const body = "ñ".repeat(COMPRESSION_THRESHOLD_BYTES / 2);
    const res = await sizedResponse(new Response(body));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe(body);
    const just = await sizedResponse(new Response("a".repeat(COMPRESSION_THRESHOLD_BYTES - 1)));
    expect(just.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("leaves a bodiless response as it is", async () => {
    const empty = new Response(null, { status: 204 });
    expect(await sizedResponse(empty)).toBe(empty);
  });
});
