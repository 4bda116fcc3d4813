import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { makeTenant } from "../../test/factories";
import { createContext } from "../api/trpc";
import { env } from "../env";

// Issue 11: a token signed with any fixed, guessable secret (the old published default among
// them) is no session; only the deployment's own secret signs one.
describe("forged session tokens", () => {
  it("are refused whatever fixed secret signed them", async () => {
    const t = await makeTenant();
    const request = (token: string) => new NextRequest("http://localhost/api/trpc/x", { headers: { cookie: `next-auth.session-token=${token}` } });
    for (const secret of ["dev-only-secret-change-me-please", "secret", "changeme-changeme-changeme-changeme", "bench-secret-bench-secret-bench-secret"]) {
      const forged = await encode({ token: { sub: t.ownerId, uid: t.ownerId, sv: 1 }, secret });
      expect((await createContext(request(forged), "r")).token, secret).toBeNull();
    }
    const real = await encode({ token: { sub: t.ownerId, uid: t.ownerId, sv: 1 }, secret: env().NEXTAUTH_SECRET });
    expect((await createContext(request(real), "r")).token).toMatchObject({ uid: t.ownerId });
  });
});
