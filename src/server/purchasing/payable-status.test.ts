import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { payableStatus, payableStatusSql, type PayableStatus } from "./payable-status";

const today = "2026-03-10";
const cases: [string, { balance: string; dueOn: string }, PayableStatus][] = [
  ["due in 8 days", { balance: "100.00", dueOn: "2026-03-18" }, "CURRENT"],
  ["due in exactly 7 days", { balance: "100.00", dueOn: "2026-03-17" }, "DUE_SOON"],
  ["due tomorrow", { balance: "0.01", dueOn: "2026-03-11" }, "DUE_SOON"],
  ["due today", { balance: "100.00", dueOn: "2026-03-10" }, "DUE_SOON"],
  ["due yesterday", { balance: "100.00", dueOn: "2026-03-09" }, "OVERDUE"],
  ["paid (balance 0) and past due", { balance: "0.00", dueOn: "2026-01-01" }, "PAID"],
  ["paid (balance 0) and due later", { balance: "0", dueOn: "2026-12-01" }, "PAID"],
  ["across a month end, 7 days", { balance: "5", dueOn: "2026-03-17" }, "DUE_SOON"],
];

describe("payable status", () => {
  it.each(cases)("%s (TS)", (_name, p, expected) => {
    expect(payableStatus(p, today)).toBe(expected);
  });

  it("SQL expression agrees with the TS function at every boundary", async () => {
    for (const [name, p, expected] of cases) {
      const [row] = await getDb().execute<{ s: string }>(
        sql`select ${payableStatusSql(sql`${p.balance}::numeric`, sql`${p.dueOn}::date`, today)} as s`,
      );
      expect(row!.s, name).toBe(expected);
    }
  });

  it("month boundaries count calendar days", () => {
    expect(payableStatus({ balance: "1", dueOn: "2026-03-07" }, "2026-02-28")).toBe("DUE_SOON"); // 7 days
    expect(payableStatus({ balance: "1", dueOn: "2026-03-08" }, "2026-02-28")).toBe("CURRENT"); // 8 days
  });
});
