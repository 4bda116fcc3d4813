import { afterAll, describe, expect, it } from "vitest";
import journal from "../../../drizzle/meta/_journal.json";
import { adminSql } from "../../test/factories";
import { checkHealth } from "./health";
import { GET as ready } from "../../app/api/ready/route";
import { GET as live } from "../../app/api/live/route";

const admin = adminSql();
afterAll(() => admin.end());

describe("health and readiness", () => {
  it("reports the build, the database and every migration applied; ready", async () => {
    const h = await checkHealth();
    expect(h).toMatchObject({ status: "ok", database: "ok", version: expect.any(String), commit: expect.any(String) });
    expect(h.migrations).toEqual({ applied: journal.entries.length, expected: journal.entries.length, pending: [], upToDate: true });
    expect((await ready()).status).toBe(200);
  });

  it("a database behind this build's migrations is alive but not ready, naming what is pending", async () => {
    const last = journal.entries.at(-1)!;
    await admin`delete from drizzle.__drizzle_migrations where created_at = ${last.when}`;
    const res = await ready();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, database: "ok", migrations: { pending: [last.tag], upToDate: false } });
    expect(live().status).toBe(200);
  });
});
