// npm run bench:accounting — a month with BENCH_DOCS (default 100,000) issued invoices (each a
// sale with two IVA rates and a payment) plus supplier invoices, in one tenant among others:
//   1. journal generation (set-based, app role, RLS on) + export + CSV and XLSX files streamed;
//   2. the four Libro IVA Digital files streamed;
// each against a baseline measured in the same run on the same data: the hand-written minimum
// (the owner, no RLS, reads the same rows once and writes the same number of lines to an
// unlogged table / reads the documents once). Reports peak RSS: files are streamed, never built
// in memory. Targets: ≤ 10 s each on this machine.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import postgres from "postgres";

process.env.LOG_LEVEL ??= "warn";
const N = Number(process.env.BENCH_DOCS ?? 100_000);
const OTHER = Math.round(N / 5);
const PURCHASES = Math.max(100, Math.round(N / 50));

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(process.cwd(), ".data/pg-bench-accounting");
delete process.env.DATABASE_URL;
// BENCH_REUSE=1 keeps the database seeded by a previous run with the same BENCH_DOCS (the
// journal and its exports are emptied first, so every phase runs from scratch).
const REUSE = !!process.env.BENCH_REUSE;
if (!REUSE) rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);

const { makeTenant } = await import("../src/test/factories");
const { withTenant } = await import("../src/server/db/with-tenant");
const { createProduct } = await import("../src/server/catalog/create-product");
const { openCashSession } = await import("../src/server/cash/open-cash-session");
const { saveFiscalSettings } = await import("../src/server/fiscal/save-fiscal-settings");
const { generateJournal } = await import("../src/server/accounting/generate-journal");
const { exportJournal } = await import("../src/server/accounting/export-journal");
const { writeJournalCsv, writeJournalXlsx } = await import("../src/server/accounting/write-journal-file");
const { writeLibroIva } = await import("../src/server/accounting/libro-iva/libro-iva");
const { closeDb } = await import("../src/server/db/client");

// Data is generated (and the baselines read) as the superuser: FORCE RLS binds even the owner.
const adminUrl = target.server ? target.server.superuserUrl(new URL(target.ownerUrl).pathname.slice(1)) : process.env.BENCH_DATABASE_ADMIN_URL!;
const owner = postgres(adminUrl, { max: 2, onnotice: () => {} });
// The bulk seed skips triggers (session_replication_role = replica): the reports' per-sale
// rollup trigger (700_reports.sql) costs ~25 ms a sale in a bulk insert, and these documents
// are consistent by construction; the accounting code under test reads none of the rollups.
const seedSql = postgres(adminUrl, { max: 1, onnotice: () => {}, connection: { session_replication_role: "replica" } });
const MONTH = "2026-10";
const period = { from: `${MONTH}-01`, to: `${MONTH}-31` };

async function seedTenant(name: string, docs: number, purchases: number) {
  const t = await makeTenant(name);
  const [reg] = await seedSql<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  const ids = await withTenant(
    t.tenantId,
    async (tx) => {
      await saveFiscalSettings(tx, { cuit: "30712345671", legalName: name, ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE" });
      const wine = (await createProduct(tx, { sku: "VINO", name: "Vino", salePrice: "1210", ivaRate: "21" }, { userId: t.ownerId })).id;
      const bread = (await createProduct(tx, { sku: "PAN", name: "Pan", salePrice: "1105", ivaRate: "10.5" }, { userId: t.ownerId })).id;
      const session = await openCashSession(tx, { registerId: reg!.id, openingFloat: "0" }, { userId: t.ownerId });
      return { wine, bread, session: session.id };
    },
    { userId: t.ownerId },
  );
  // q × (2 × 1.210 at 21 % + 1 × 1.105 at 10,5 %) = q × 3.525, spread over the month.
  await seedSql`
    insert into sales (tenant_id, id, register_id, cash_session_id, warehouse_id, ticket_number, cashier_id, mode, status, subtotal, discount, total, paid, cost_total, fiscal_status, created_at)
    select ${t.tenantId}, gen_random_uuid(), ${reg!.id}, ${ids.session}, ${t.warehouseId}, i, ${t.ownerId}, 'ONLINE', 'COMPLETED',
           (i % 5 + 1) * 3525, 0, (i % 5 + 1) * 3525, (i % 5 + 1) * 3525, (i % 5 + 1) * 2200, 'ISSUED',
           ${period.from}::timestamptz + make_interval(secs => (i::float8 / ${docs}) * 30 * 86400)
    from generate_series(1, ${docs}) i`;
  await seedSql`
    insert into sale_lines (tenant_id, sale_id, line_no, product_id, description, quantity, unit_price, total, iva_rate, cost_total)
    select s.tenant_id, s.id, l.n, case l.n when 1 then ${ids.wine}::uuid else ${ids.bread}::uuid end, case l.n when 1 then 'Vino' else 'Pan' end,
           case l.n when 1 then 2 * (s.ticket_number % 5 + 1) else s.ticket_number % 5 + 1 end,
           case l.n when 1 then 1210 else 1105 end,
           case l.n when 1 then 2420 * (s.ticket_number % 5 + 1) else 1105 * (s.ticket_number % 5 + 1) end,
           case l.n when 1 then 21 else 10.5 end,
           case l.n when 1 then 1600 * (s.ticket_number % 5 + 1) else 600 * (s.ticket_number % 5 + 1) end
    from sales s, (values (1), (2)) l(n) where s.tenant_id = ${t.tenantId}`;
  await seedSql`
    insert into sale_payments (tenant_id, sale_id, line_no, method, amount, applied)
    select tenant_id, id, 1, (array['CASH','DEBIT','CREDIT','TRANSFER'])[ticket_number % 4 + 1]::pos_payment_method, total, total
    from sales where tenant_id = ${t.tenantId}`;
  await seedSql`
    with d as (
      insert into fiscal_documents (tenant_id, kind, status, sale_id, register_id, environment, emitter_cuit, point_of_sale, cbte_tipo, number, concept,
        receiver_doc_type, receiver_doc_number, receiver_iva_condition, issue_date, lines, total, net_amount, iva_amount, iva_breakdown, cae, cae_due_date)
      select s.tenant_id, 'INVOICE', 'ISSUED', s.id, s.register_id, 'FAKE', '30712345671', 1, 6, s.ticket_number, 1, 99, '0', 5,
             (s.created_at at time zone 'America/Argentina/Buenos_Aires')::date, '[]'::jsonb, s.total, (s.ticket_number % 5 + 1) * 3000,
             (s.ticket_number % 5 + 1) * 525,
             jsonb_build_array(
               jsonb_build_object('id', 5, 'rate', '21', 'base', ((s.ticket_number % 5 + 1) * 2000)::text, 'amount', ((s.ticket_number % 5 + 1) * 420)::text),
               jsonb_build_object('id', 4, 'rate', '10.5', 'base', ((s.ticket_number % 5 + 1) * 1000)::text, 'amount', ((s.ticket_number % 5 + 1) * 105)::text)),
             '7' || lpad(s.ticket_number::text, 13, '0'), ${period.to}::date + 10
      from sales s where s.tenant_id = ${t.tenantId}
      returning tenant_id, id, sale_id)
    update sales s set fiscal_document_id = d.id from d where s.tenant_id = d.tenant_id and s.id = d.sale_id`;
  const [sup] = await seedSql<{ id: string }[]>`
    insert into suppliers (tenant_id, name, cuit, payment_terms_days) values (${t.tenantId}, 'Proveedor Bench SA', '30712345671', 30) returning id`;
  await seedSql`
    insert into supplier_invoices (tenant_id, supplier_id, cbte_tipo, point_of_sale, number, issue_date, supplier_cuit, supplier_name, net_taxed, vat_total, perceptions_total, total)
    select ${t.tenantId}, ${sup!.id}, 1, 7, i, ${period.from}::date + (i % 30), '30712345671', 'Proveedor Bench SA', 12000, 2310, 300, 14610
    from generate_series(1, ${purchases}) i`;
  await seedSql`
    insert into supplier_invoice_vat (tenant_id, invoice_id, alicuota_id, rate, net, vat)
    select i.tenant_id, i.id, v.a, v.r, v.n, v.v from supplier_invoices i, (values (5, 21, 10000, 2100), (4, 10.5, 2000, 210)) v(a, r, n, v)
    where i.tenant_id = ${t.tenantId}`;
  await seedSql`
    insert into supplier_invoice_perceptions (tenant_id, invoice_id, line_no, kind, jurisdiction, amount)
    select tenant_id, id, 1, 'IIBB', '902', 300 from supplier_invoices where tenant_id = ${t.tenantId}`;
  return t;
}

const BIG = `Negocio grande ${N}`;
async function seeded() {
  const [row] = await owner<{ tenant_id: string; owner_id: string }[]>`
    select t.id as tenant_id, m.user_id as owner_id from tenants t join memberships m on m.tenant_id = t.id and m.role = 'OWNER'
    where t.name = ${BIG} limit 1`;
  if (!row) return null;
  await owner`delete from journal_entries`;
  await owner`delete from accounting_exports`;
  await owner`vacuum analyze journal_entries`;
  return { tenantId: row.tenant_id, ownerId: row.owner_id };
}
const seedStart = performance.now();
let found = REUSE ? await seeded() : null;
if (found) console.log(`reusing the seeded ${N.toLocaleString("es-AR")} documents`);
else {
  await seedTenant("Otro negocio", OTHER, Math.round(PURCHASES / 5));
  found = await seedTenant(BIG, N, PURCHASES);
  await owner`analyze`;
  console.log(`seeded ${N.toLocaleString("es-AR")} documents (+ ${OTHER.toLocaleString("es-AR")} of another tenant) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
}
const t = found;

let bytes = 0;
const sink = (c: Uint8Array) => {
  bytes += c.length;
};
// CPU seconds of this process plus every process of the embedded server (the postmaster's
// children: backends, WAL and background writers): on a machine shared with other work the
// wall time follows the load, the CPU spent does not.
const postmaster = target.server ? Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) : 0;
const TICKS = 100; // Linux USER_HZ
function serverCpu(): number {
  if (!postmaster) return 0;
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const st = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      if (Number(pid) === postmaster || Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / TICKS;
}
const time = async <T>(fn: () => Promise<T>) => {
  const s = performance.now();
  const c0 = process.cpuUsage();
  const p0 = serverCpu();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - s, cpu: (c.user + c.system) / 1e6 + serverCpu() - p0, value };
};
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssBefore = rssMb();

// ---- baseline 1: the same sources read once and as many lines written, by hand, no RLS.
await owner`create unlogged table if not exists bench_lines (entry uuid, account text, debit numeric, credit numeric)`;
await owner`truncate bench_lines`;
const base1 = await time(async () => {
  await owner`
    insert into bench_lines
    select s.id, x.k, case when x.k in ('pay', 'cogs') then x.v else 0 end, case when x.k in ('pay', 'cogs') then 0 else x.v end
    from sales s
    join sale_payments p on p.tenant_id = s.tenant_id and p.sale_id = s.id
    join fiscal_documents d on d.tenant_id = s.tenant_id and d.id = s.fiscal_document_id
    cross join lateral (values ('pay', p.applied), ('cogs', s.cost_total), ('inv', s.cost_total)) x(k, v)
    where s.tenant_id = ${t.tenantId}
    union all
    select s.id, 'vat', 0, (b->>'amount')::numeric from sales s join fiscal_documents d on d.tenant_id = s.tenant_id and d.id = s.fiscal_document_id,
           jsonb_array_elements(d.iva_breakdown) b where s.tenant_id = ${t.tenantId}
    union all
    select s.id, 'sales', 0, (b->>'base')::numeric from sales s join fiscal_documents d on d.tenant_id = s.tenant_id and d.id = s.fiscal_document_id,
           jsonb_array_elements(d.iva_breakdown) b where s.tenant_id = ${t.tenantId}`;
  const out: string[] = [];
  let n = 0;
  await owner`select entry, account, debit, credit from bench_lines`.cursor(5000, (rows) => {
    for (const r of rows) out.push(`${r.entry};${r.account};${r.debit};${r.credit}`);
    n += rows.length;
    out.length = 0;
  });
  return n;
});

// ---- Mostrador: generate + export + both files.
const gen = await time(() => withTenant(t.tenantId, (tx) => generateJournal(tx, period), { userId: t.ownerId }));
const exp = await time(() => withTenant(t.tenantId, (tx) => exportJournal(tx, period, { userId: t.ownerId }), { userId: t.ownerId }));
const journal = { ms: gen.ms + exp.ms, cpu: gen.cpu + exp.cpu, value: { created: gen.value.created, ...exp.value } };
const csv = await time(() => withTenant(t.tenantId, (tx) => writeJournalCsv(tx, journal.value.exportId, journal.value.number, sink), { userId: t.ownerId }));
const csvBytes = bytes;
bytes = 0;
const xlsx = await time(() => withTenant(t.tenantId, (tx) => writeJournalXlsx(tx, journal.value.exportId, journal.value.number, sink), { userId: t.ownerId }));
const xlsxBytes = bytes;

// ---- baseline 2: the month's documents read once, by hand, no RLS.
const base2 = await time(async () => {
  let n = 0;
  await owner`select d.*, (select jsonb_agg(x) from jsonb_array_elements(d.iva_breakdown) x) as b from fiscal_documents d
              where d.tenant_id = ${t.tenantId} and d.issue_date between ${period.from} and ${period.to}`.cursor(5000, (rows) => {
    n += rows.length;
  });
  await owner`select i.*, (select jsonb_agg(v) from supplier_invoice_vat v where v.tenant_id = i.tenant_id and v.invoice_id = i.id) from supplier_invoices i
              where i.tenant_id = ${t.tenantId} and i.issue_date between ${period.from} and ${period.to}`.cursor(5000, (rows) => {
    n += rows.length;
  });
  return n;
});
bytes = 0;
const libro = await time(async () => {
  for (const f of ["VENTAS_CBTE", "VENTAS_ALICUOTAS", "COMPRAS_CBTE", "COMPRAS_ALICUOTAS"] as const) {
    await withTenant(t.tenantId, (tx) => writeLibroIva(tx, MONTH, f, sink), { userId: t.ownerId });
  }
});

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const c = (x: { cpu: number }) => (postmaster ? ` (CPU ${x.cpu.toFixed(1)} s)` : "");
const journalTotal = journal.ms + csv.ms;
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" / ")} (${N.toLocaleString("es-AR")} documents)`);
console.log(`journal: ${journal.value.created.toLocaleString("es-AR")} entries`);
console.log(`  generation ${s(gen.ms)}${c(gen)} + export ${s(exp.ms)}${c(exp)} = ${s(journal.ms)}${c(journal)} (target ≤ 10 s)`);
console.log(`  CSV ${s(csv.ms)}${c(csv)} (${(csvBytes / 1e6).toFixed(1)} MB), XLSX ${s(xlsx.ms)}${c(xlsx)} (${(xlsxBytes / 1e6).toFixed(1)} MB)`);
console.log(`  baseline (superuser, no RLS, the same lines written to an unlogged table by hand and read back once): ${s(base1.ms)}${c(base1)} for ${base1.value.toLocaleString("es-AR")} lines`);
console.log(`  ratio baseline / (generation + export + CSV): wall ${(base1.ms / journalTotal).toFixed(2)}${postmaster ? `, CPU ${(base1.cpu / (journal.cpu + csv.cpu)).toFixed(2)}` : ""}`);
console.log(`Libro IVA (4 files, ${(bytes / 1e6).toFixed(1)} MB): ${s(libro.ms)}${c(libro)} (target ≤ 10 s)`);
console.log(`  baseline (superuser, no RLS, the documents read once): ${s(base2.ms)}${c(base2)} → ratio wall ${(base2.ms / libro.ms).toFixed(2)}${postmaster ? `, CPU ${(base2.cpu / libro.cpu).toFixed(2)}` : ""}`);
console.log(`peak RSS ${rssMb()} MB (before the runs ${rssBefore} MB)`);

await seedSql.end();
await owner.end();
await closeDb();
await target.server?.stop();
