import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { withTenant } from "../db/with-tenant";
import { createTestCa } from "../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../afip/fake/server";
import { makeFiscalTenant } from "@/test/fiscal";
import { billingPointOfSale, seedAccountCharges } from "@/test/billing";
import { processBillingBatch } from "@/inngest/functions/process-billing-batch";
import { billingBatchEvent } from "./events";
import { createBatch } from "./create-batch";
import { runBatchRound } from "./run-batch-round";
import { retryBatch } from "./retry-batch";
import { cancelBatch } from "./cancel-batch";
import { listInvoices } from "./list-invoices";
import { getBatch, listBatches } from "./list-batches";
import { isUniqueViolation } from "../errors/app-error";
import { savePointOfSale } from "../fiscal/save-point-of-sale";
import { listBillingPointsOfSale } from "./list-billing-points-of-sale";

const ca = createTestCa();
let fake: FakeAfip;
beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "1500";
});
afterAll(async () => {
  await fake.close();
});

/** A fiscal tenant whose point of sale 3 issues online (CAE): the batches' point of sale. */
async function fiscalTenant() {
  const t = await makeFiscalTenant(ca);
  await billingPointOfSale(t.tenantId, 3);
  return t;
}

const today = () => new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10);

async function runFunction(tenantId: string, batchId: string, run = 0) {
  const t = new InngestTestEngine({ function: processBillingBatch });
  return t.execute({ events: [billingBatchEvent({ tenantId, batchId, run }) as never] });
}

type DocRow = { status: string; last_error: string | null; fiscal_status: string; number: number | null; cae: string | null; cbte_tipo: number; doc_nro: string; total: string };
const batchDocs = (tenantId: string, batchId: string) =>
  withTenant(tenantId, (tx) =>
    tx.execute<DocRow>(sql`
      select d.status, d.last_error, f.status as fiscal_status, f.number::int as number, f.cae, f.cbte_tipo, f.receiver_doc_number as doc_nro, d.total::text
      from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id where d.batch_id = ${batchId}`),
  );

/** Every series at the fake: numbers 1..n, each once; our ISSUED documents are exactly those. */
function expectConsecutive(cuit: string, docs: DocRow[]) {
  for (const tipo of [1, 6]) {
    const atAfip = fake.issued(cuit).filter((c) => c.cbteTipo === tipo && c.ptoVta === 3);
    const numbers = atAfip.map((c) => c.nro).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const ours = docs.filter((d) => d.cbte_tipo === tipo && d.status === "ISSUED");
    expect(ours.map((d) => d.number).sort((a, b) => a! - b!)).toEqual(numbers);
    for (const d of ours) {
      const c = atAfip.find((x) => x.nro === d.number)!;
      expect(c.cae).toBe(d.cae);
      expect(String(BigInt(c.docNro))).toBe(String(BigInt(d.doc_nro)));
      expect(c.impTotal).toBe(d.total);
    }
  }
}

describe("billing batch against the fake ARCA", () => {
  it("200 documents with rejections, timeouts and lost responses: each issued once or in ERROR with ARCA's reason; re-running changes nothing", async () => {
    const t = await fiscalTenant();
    const seeded = await seedAccountCharges(t.tenantId, t.ownerId, 200);
    const rejected = [seeded[10]!, seeded[77]!, seeded[150]!, seeded[199]!, seeded[3]!];
    for (const r of rejected) fake.rejectReceiver(r.docNumber, [{ code: 10013, msg: `Receptor ${r.docNumber} inactivo (rechazo simulado)` }]);
    // Request-level trouble on the first requests: authorised but the answer is late, authorised and lost, not processed at all.
    fake.next("FECAESolicitar", { kind: "timeout", ms: 3000, process: true });
    fake.next("FECAESolicitar", { kind: "lose-response" });
    fake.next("FECAESolicitar", { kind: "timeout", ms: 3000 });

    const batchId = randomUUID();
    const created = await withTenant(t.tenantId, (tx) => createBatch(tx, { id: batchId, pointOfSale: 3, issueDate: today() }, { userId: t.ownerId }));
    expect(created).toEqual({ batchId, documents: 200, created: true });

    const { result, error } = await runFunction(t.tenantId, batchId);
    for (const r of rejected) fake.rejectReceiver(r.docNumber);
    expect(error).toBeUndefined();
    expect(result).toEqual({ status: "PROCESSED_WITH_ERRORS", issued: 195, errors: 5 });

    const docs = await batchDocs(t.tenantId, batchId);
    expect(docs.filter((d) => d.status === "ISSUED")).toHaveLength(195);
    const errs = docs.filter((d) => d.status === "ERROR");
    expect(errs.map((d) => d.doc_nro).sort()).toEqual(rejected.map((r) => r.docNumber).sort());
    for (const e of errs) expect(e.last_error).toContain("rechazo simulado");
    expectConsecutive(t.cuit, docs);
    expect(fake.issued(t.cuit)).toHaveLength(195);
    // Far fewer requests than documents (multi-record), still the recovery per document.
    expect(fake.calls.FECAESolicitar).toBeLessThan(40);

    const [charges] = await withTenant(t.tenantId, (tx) =>
      tx.execute<{ invoiced: number; invoicing: number }>(sql`
        select count(*) filter (where status = 'INVOICED')::int as invoiced, count(*) filter (where status = 'INVOICING')::int as invoicing from billing_charges`),
    );
    expect(charges).toEqual({ invoiced: 195, invoicing: 5 });

    // Re-running the batch (a duplicate event, a manual re-run) sends nothing and changes nothing.
    const calls = fake.calls.FECAESolicitar;
    const again = await runFunction(t.tenantId, batchId, 1);
    expect(again.result).toEqual({ status: "PROCESSED_WITH_ERRORS", issued: 195, errors: 5 });
    expect(fake.calls.FECAESolicitar).toBe(calls);
    expect(await batchDocs(t.tenantId, batchId)).toEqual(docs);
    // And the same batch id creates nothing new.
    const replay = await withTenant(t.tenantId, (tx) => createBatch(tx, { id: batchId, pointOfSale: 3, issueDate: today() }, { userId: t.ownerId }));
    expect(replay).toEqual({ batchId, documents: 200, created: false });
  }, 240_000); // 200 documents through the whole path: minutes on a loaded shared machine

  it("a run killed after ARCA answered resumes without duplicates (recovered by FECompConsultar)", async () => {
    // No injected timeouts here: a generous deadline so a loaded machine cannot add any.
    process.env.AFIP_TIMEOUT_MS = "20000";
    const t = await fiscalTenant();
    await seedAccountCharges(t.tenantId, t.ownerId, 30);
    const batchId = randomUUID();
    await withTenant(t.tenantId, (tx) => createBatch(tx, { id: batchId, pointOfSale: 3, issueDate: today() }, { userId: t.ownerId }));
    await expect(
      runBatchRound(t.tenantId, batchId, {
        chunkSize: 10,
        hooks: {
          afterAnswer: () => {
            throw new Error("proceso terminado");
          },
        },
      }),
    ).rejects.toThrow("proceso terminado");
    // ARCA holds the first chunk; we hold only claimed numbers without CAE.
    expect(fake.issued(t.cuit)).toHaveLength(10);
    const held = (await batchDocs(t.tenantId, batchId)).filter((d) => d.number !== null && d.fiscal_status === "PENDING");
    expect(held).toHaveLength(10);
    const before = fake.calls.FECompConsultar ?? 0;

    const { result, error } = await runFunction(t.tenantId, batchId);
    expect(error).toBeUndefined();
    expect(result).toEqual({ status: "PROCESSED", issued: 30, errors: 0 });
    expect((fake.calls.FECompConsultar ?? 0) - before).toBe(10);
    const docs = await batchDocs(t.tenantId, batchId);
    expect(fake.issued(t.cuit)).toHaveLength(30);
    expectConsecutive(t.cuit, docs);
    process.env.AFIP_TIMEOUT_MS = "1500";
  });

  it("a charge is invoiced by one batch only, even when two batches are created at once", async () => {
    const t = await fiscalTenant();
    await seedAccountCharges(t.tenantId, t.ownerId, 20);
    const make = () =>
      withTenant(t.tenantId, (tx) => createBatch(tx, { id: randomUUID(), pointOfSale: 3, issueDate: today() }, { userId: t.ownerId })).then(
        (r) => r.documents,
        (e: Error) => e.message,
      );
    const results = await Promise.all([make(), make(), make()]);
    expect(results.filter((r) => r === 20)).toHaveLength(1);
    expect(results.filter((r) => r === "No hay cargos pendientes de facturar con esa selección.")).toHaveLength(2);
    // The database refuses a second live invoicing of a charge, whoever tries.
    await expect(
      withTenant(t.tenantId, (tx) =>
        tx.execute(sql`insert into billing_document_items (tenant_id, document_id, charge_id)
          select i.tenant_id, (select d.id from billing_documents d where d.id <> i.document_id limit 1), i.charge_id from billing_document_items i limit 1`),
      ),
    ).rejects.toSatisfy((e) => isUniqueViolation(e, "billing_document_items_live_key"));
  });

  it("manual retry issues what ARCA rejected once fixed; cancel takes back only what has not started; invoice query filters by batch", async () => {
    const t = await fiscalTenant();
    const seeded = await seedAccountCharges(t.tenantId, t.ownerId, 6);
    const bad = seeded[1]!;
    fake.rejectReceiver(bad.docNumber, [{ code: 10013, msg: "CUIT del receptor no registrado (rechazo simulado)" }]);
    const batchId = randomUUID();
    await withTenant(t.tenantId, (tx) => createBatch(tx, { id: batchId, pointOfSale: 3, issueDate: today(), customerIds: seeded.slice(0, 4).map((x) => x.customerId) }, { userId: t.ownerId }));
    expect((await runFunction(t.tenantId, batchId)).result).toEqual({ status: "PROCESSED_WITH_ERRORS", issued: 3, errors: 1 });
    fake.rejectReceiver(bad.docNumber);
    const { run } = await withTenant(t.tenantId, (tx) => retryBatch(tx, batchId));
    expect((await runFunction(t.tenantId, batchId, run)).result).toEqual({ status: "PROCESSED", issued: 4, errors: 0 });
    expectConsecutive(t.cuit, await batchDocs(t.tenantId, batchId));
    const view = await withTenant(t.tenantId, (tx) => getBatch(tx, batchId));
    expect(view.batch).toMatchObject({ status: "PROCESSED", total: 4, issued: 4, errors: 0 });
    expect(view.documents.every((d) => d.status === "ISSUED" && d.cae)).toBe(true);
    expect((await withTenant(t.tenantId, (tx) => listBatches(tx))).map((b) => b.id)).toContain(batchId);

    const q = await withTenant(t.tenantId, (tx) => listInvoices(tx, { batchId, status: "ISSUED" }));
    expect(q.stats).toMatchObject({ count: 4, issued: 4 });
    expect(q.rows.every((r) => r.batchId === batchId)).toBe(true);
    const one = await withTenant(t.tenantId, (tx) => listInvoices(tx, { customerId: bad.customerId, status: "ISSUED" }));
    expect(one.rows).toHaveLength(1);

    // A batch never started: cancelling deletes its unsent documents and the charges are pending again.
    const other = randomUUID();
    await withTenant(t.tenantId, (tx) => createBatch(tx, { id: other, pointOfSale: 3, issueDate: today() }, { userId: t.ownerId }));
    expect(await withTenant(t.tenantId, (tx) => cancelBatch(tx, other, { userId: t.ownerId }))).toEqual({ cancelled: 2 });
    const pending = await withTenant(t.tenantId, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from billing_charges where status = 'PENDING'`));
    expect(pending[0]!.n).toBe(2);
    expect((await runFunction(t.tenantId, other)).result).toMatchObject({ status: "CANCELLED" });
    expect(fake.issued(t.cuit)).toHaveLength(4);
  });

  it("a batch issues only on a configured, active, online (CAE) point of sale; the others are refused and nothing is taken", async () => {
    const t = await fiscalTenant();
    await withTenant(t.tenantId, async (tx) => {
      await savePointOfSale(tx, { number: 8, name: "Vieja", active: false });
      await savePointOfSale(tx, { number: 93, name: "Contingencia", emissionType: "CAEA", fallbackFor: 3 });
    });
    await seedAccountCharges(t.tenantId, t.ownerId, 2);
    expect(await withTenant(t.tenantId, (tx) => listBillingPointsOfSale(tx))).toEqual([{ number: 3, name: "Facturación 3" }]);
    for (const [pointOfSale, message] of [
      [5, /no está configurado/],
      [8, /no emite con CAE/],
      [93, /no emite con CAE/],
    ] as const) {
      await expect(withTenant(t.tenantId, (tx) => createBatch(tx, { id: randomUUID(), pointOfSale, issueDate: today() }, { userId: t.ownerId }))).rejects.toThrow(message);
    }
    const [left] = await withTenant(t.tenantId, (tx) =>
      tx.execute<{ pending: number; batches: number }>(sql`select (select count(*) from billing_charges where status = 'PENDING')::int as pending, (select count(*) from billing_batches)::int as batches`),
    );
    expect(left).toEqual({ pending: 2, batches: 0 });
    expect((await withTenant(t.tenantId, (tx) => createBatch(tx, { id: randomUUID(), pointOfSale: 3, issueDate: today() }, { userId: t.ownerId }))).documents).toBe(2);
  });
});
