import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionJwt } from "./session-jwt";

const secret = "a-secret-of-this-deployment-a-secret-of-this-deployment";

// The cached-key decoder reads exactly what next-auth writes, and refuses what next-auth refuses.
describe("decodeSessionJwt", () => {
  it("reads next-auth's own session cookies, with and without a salt, like next-auth's decode", async () => {
    const token = await encode({ token: { sub: "u1", uid: "u1", sv: 3 }, secret });
    const ours = await decodeSessionJwt({ token, secret });
    expect(ours).toMatchObject({ uid: "u1", sv: 3 });
    expect(ours).toEqual(await decode({ token, secret }));
    // The second call (cached key) reads it the same.
    expect(await decodeSessionJwt({ token, secret })).toEqual(ours);
    const salted = await encode({ token: { uid: "u2" }, secret, salt: "authjs.session-token" });
    expect(await decodeSessionJwt({ token: salted, secret, salt: "authjs.session-token" })).toMatchObject({ uid: "u2" });
    await expect(decodeSessionJwt({ token: salted, secret })).rejects.toThrow();
  });

  it("refuses another secret's token, a tampered one, an expired one and garbage", async () => {
    const other = await encode({ token: { uid: "u1" }, secret: "another-secret-another-secret-another-secret" });
    await expect(decodeSessionJwt({ token: other, secret })).rejects.toThrow();
    const token = await encode({ token: { uid: "u1" }, secret });
    const parts = token.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    await expect(decodeSessionJwt({ token: [...parts.slice(0, 3), flipped, parts[4]].join("."), secret })).rejects.toThrow();
    const expired = await encode({ token: { uid: "u1" }, secret, maxAge: -60 });
    await expect(decodeSessionJwt({ token: expired, secret })).rejects.toThrow();
    await expect(decodeSessionJwt({ token: "not.a.token", secret })).rejects.toThrow();
    expect(await decodeSessionJwt({ token: undefined, secret })).toBeNull();
  });
});
