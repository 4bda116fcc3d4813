import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { exportJournal } from "./export-journal";
import { journalRows } from "./journal-rows";
import { previewJournal } from "./preview-journal";
import { ensureChart } from "./ensure-chart";

// Exports hold entries by watermark (export-membership.ts): these pin the rules that the
// marking update used to give for free — an entry belongs to one export only, an entry dated
// after an export's "hasta" waits for a later one, a late entry never slips into an old export
// (its file stays the same), and exports made before watermarks still list their entries.

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cash: string;
let sales: string;
const owner = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: t.ownerId });

/** A balanced entry written directly, as generation would leave it. */
async function entry(date: string, amount: string, exportId: string | null = null) {
  const lines = [
    { a: cash, d: amount, c: "0.00", m: "Cobro" },
    { a: sales, d: "0.00", c: amount, m: "Ventas" },
  ];
  const [row] = await admin<{ id: string }[]>`
    insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description, lines, export_id)
    values (${t.tenantId}, 'SALE', gen_random_uuid(), 'ORIGINAL', ${date}, ${"Venta " + amount}, ${admin.json(lines)}, ${exportId})
    returning id`;
  return row!.id;
}

const idsOf = (exportId: string) =>
  owner(async (tx) => {
    const ids = new Set<string>();
    for await (const r of journalRows(tx, exportId)) ids.add(r.entryId);
    return [...ids].sort();
  });

beforeAll(async () => {
  t = await makeTenant("Contable por marcas");
  await owner((tx) => ensureChart(tx));
  const accounts = await admin<{ id: string; code: string }[]>`
    select id, code from ledger_accounts where tenant_id = ${t.tenantId} and code in ('1.1.01', '4.1.01') order by code`;
  cash = accounts[0]!.id;
  sales = accounts[1]!.id;
});

describe("export membership by watermark", () => {
  it("an export takes what is pending up to its date; later and late entries go to the next one, never into the old file", async () => {
    const jan = await entry("2026-01-10", "100.00");
    const feb = await entry("2026-02-10", "200.00");
    const first = await owner((tx) => exportJournal(tx, { from: "2026-01-01", to: "2026-01-31" }, { userId: t.ownerId }));
    expect(first).toMatchObject({ entryCount: 1, totalDebit: "100.00", totalCredit: "100.00" });
    expect(await idsOf(first.exportId)).toEqual([jan]);

    // Generated after the first export but dated inside its period: it waits for the next.
    const late = await entry("2026-01-20", "50.00");
    expect(await idsOf(first.exportId)).toEqual([jan]);
    const preview = await owner((tx) => previewJournal(tx, { from: "2026-02-01", to: "2026-02-28" }));
    expect(preview).toMatchObject({ entryCount: 2, earlierPending: 1, totalDebit: "250.00" });

    const second = await owner((tx) => exportJournal(tx, { from: "2026-02-01", to: "2026-02-28" }, { userId: t.ownerId }));
    expect(second).toMatchObject({ number: first.number + 1, entryCount: 2, totalDebit: "250.00" });
    expect(await idsOf(second.exportId)).toEqual([feb, late].sort());
    expect(await idsOf(first.exportId)).toEqual([jan]);
    await expect(owner((tx) => exportJournal(tx, { from: "2026-02-01", to: "2026-02-28" }, { userId: t.ownerId }))).rejects.toMatchObject({
      code: "VALIDATION",
    });

    // A third export for an earlier "hasta" finds nothing: every entry already has its export.
    await expect(owner((tx) => exportJournal(tx, { from: "2026-01-01", to: "2026-01-31" }, { userId: t.ownerId }))).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const again = await entry("2026-03-05", "10.00");
    const third = await owner((tx) => exportJournal(tx, { from: "2026-03-01", to: "2026-03-31" }, { userId: t.ownerId }));
    expect(await idsOf(third.exportId)).toEqual([again]);
    expect(await idsOf(second.exportId)).toEqual([feb, late].sort());
  });

  it("two exports at once: the accounting lock lets one take the entries and the other finds nothing new", async () => {
    const a = await entry("2026-04-02", "30.00");
    const b = await entry("2026-04-03", "40.00");
    const run = () => owner((tx) => exportJournal(tx, { from: "2026-04-01", to: "2026-04-30" }, { userId: t.ownerId }));
    const results = await Promise.allSettled([run(), run()]);
    const done = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []));
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ entryCount: 2, totalDebit: "70.00" });
    expect(refused.map((e) => e.code)).toEqual(["VALIDATION"]);
    expect(await idsOf(done[0]!.exportId)).toEqual([a, b].sort());
  });

  it("an export made before watermarks still lists the entries that carry its id, and they are not pending", async () => {
    const [legacy] = await admin<{ id: string }[]>`
      insert into accounting_exports (tenant_id, number, period_from, period_to, entry_count, total_debit, total_credit)
      values (${t.tenantId}, 100, '2025-12-01', '2025-12-31', 1, 70, 70) returning id`;
    const old = await entry("2025-12-15", "70.00", legacy!.id);
    expect(await idsOf(legacy!.id)).toEqual([old]);
    const preview = await owner((tx) => previewJournal(tx, { from: "2025-12-01", to: "2025-12-31" }));
    expect(preview.entryCount).toBe(0);
  });
});
