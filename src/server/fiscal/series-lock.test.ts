import { describe, expect, it } from "vitest";
import { withSeriesLock } from "./series-lock";
import { adminSql, makeTenant } from "@/test/factories";

// Issue 20: the numbering lock must work behind a transaction-mode pooler, i.e. hold nothing
// in a database session (no session advisory lock, no reserved connection) between calls.
describe("series lock", () => {
  it("holds no session state while held, excludes a second holder, and serializes the critical sections", async () => {
    const t = await makeTenant();
    const admin = adminSql();
    try {
      const key = `fiscal:${t.tenantId}:FAKE:20111111112:2:6`;
      let inside = 0;
      let maxInside = 0;
      const order: number[] = [];
      const work = (i: number) =>
        withSeriesLock(t.tenantId, key, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          // While held, no advisory lock and no open transaction of ours exists in the server.
          const [locks] = await admin`select count(*)::int as n from pg_locks where locktype = 'advisory'`;
          expect(locks!.n).toBe(0);
          const [lease] = await admin`select count(*)::int as n from fiscal_series_leases where series_key = ${key}`;
          expect(lease!.n).toBe(1);
          await new Promise((r) => setTimeout(r, 30));
          order.push(i);
          inside--;
        });
      await Promise.all([work(1), work(2), work(3)]);
      expect(maxInside).toBe(1);
      expect(order.sort()).toEqual([1, 2, 3]);
      const [after] = await admin`select count(*)::int as n from fiscal_series_leases where series_key = ${key}`;
      expect(after!.n).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it("takes over a lease left by a crashed holder once it expires, and refuses while it is live", async () => {
    const t = await makeTenant();
    const admin = adminSql();
    try {
      const key = `fiscal:${t.tenantId}:FAKE:20111111112:3:6`;
      await admin`insert into fiscal_series_leases (tenant_id, series_key, holder, expires_at)
                  values (${t.tenantId}, ${key}, gen_random_uuid(), now() + interval '1 hour')`;
      const refused = await withSeriesLock(t.tenantId, key, async () => "ran", { waitMs: 200 }).catch((e: Error) => e.message);
      expect(refused).toMatch(/sigue en curso/);
      await admin`update fiscal_series_leases set expires_at = now() - interval '1 second' where series_key = ${key}`;
      expect(await withSeriesLock(t.tenantId, key, async () => "ran")).toBe("ran");
    } finally {
      await admin.end();
    }
  });
});
