import "server-only";
import { z } from "zod";
import { permissionProcedure, router } from "../trpc";
import { listChart, ZListChartResponse } from "../../accounting/list-chart";
import { saveLedgerAccount, saveMapping, ZSaveLedgerAccountInput, ZSaveMappingInput } from "../../accounting/save-ledger-account";
import { previewJournal } from "../../accounting/preview-journal";
import { exportJournal } from "../../accounting/export-journal";
import { listExports, ZListExportsResponse } from "../../accounting/list-exports";
import { ZMonth, ZPeriod } from "../../accounting/period";
import { precheckLibroIva } from "../../accounting/libro-iva/libro-iva";
import { recordExpenseInvoice, ZRecordExpenseInvoiceInput } from "../../accounting/record-expense-invoice";
import { listSupplierInvoices, ZListSupplierInvoicesInput, ZListSupplierInvoicesResponse } from "../../accounting/list-supplier-invoices";

const read = permissionProcedure("accounting.read");
const write = permissionProcedure("accounting.write");
const actorOf = (ctx: { user: { id: string } }) => ({ userId: ctx.user.id });

const ZAmountRow = z.object({ code: z.string(), name: z.string(), debit: z.string(), credit: z.string() });
export const ZJournalPreviewResponse = z.object({
  entryCount: z.number(),
  totalDebit: z.string(),
  totalCredit: z.string(),
  earlierPending: z.number(),
  byAccount: z.array(ZAmountRow),
  unbalanced: z.array(z.object({ entryId: z.uuid(), description: z.string(), entryDate: z.string(), debit: z.string(), credit: z.string() })),
});
export const ZExportJournalResponse = z.object({ exportId: z.uuid(), number: z.number(), entryCount: z.number(), totalDebit: z.string(), totalCredit: z.string() });
export const ZLibroIvaPrecheckResponse = z.object({
  month: z.string(),
  sales: z.number(),
  purchases: z.number(),
  emitterMissing: z.boolean(),
  issues: z.array(z.object({ book: z.enum(["VENTAS", "COMPRAS"]), documentId: z.uuid(), document: z.string(), problem: z.string() })),
});

export const accountingRouter = router({
  chart: read.output(ZListChartResponse).query(({ ctx }) => listChart(ctx.tx)),
  saveAccount: write.input(ZSaveLedgerAccountInput).output(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => saveLedgerAccount(ctx.tx, input)),
  saveMapping: write.input(ZSaveMappingInput).output(z.object({ ok: z.literal(true) })).mutation(({ ctx, input }) => saveMapping(ctx.tx, input)),
  /** Generates what is missing and shows what the next export of the period would contain. */
  preview: write.input(ZPeriod).output(ZJournalPreviewResponse).mutation(({ ctx, input }) => previewJournal(ctx.tx, input)),
  export: write.input(ZPeriod).output(ZExportJournalResponse).mutation(({ ctx, input }) => exportJournal(ctx.tx, input, actorOf(ctx))),
  exports: read.output(ZListExportsResponse).query(({ ctx }) => listExports(ctx.tx)),
  libroIvaPrecheck: read.input(z.object({ month: ZMonth })).output(ZLibroIvaPrecheckResponse).query(({ ctx, input }) => precheckLibroIva(ctx.tx, input.month)),

  supplierInvoices: permissionProcedure("purchasing.read")
    .input(ZListSupplierInvoicesInput)
    .output(ZListSupplierInvoicesResponse)
    .query(({ ctx, input }) => listSupplierInvoices(ctx.tx, input)),
  /** A supplier document for services or expenses (no goods received): invoice + payable. */
  recordExpenseInvoice: permissionProcedure("purchasing.write")
    .input(ZRecordExpenseInvoiceInput)
    .output(z.object({ invoiceId: z.uuid(), payableId: z.uuid().nullable(), total: z.string() }))
    .mutation(({ ctx, input }) => recordExpenseInvoice(ctx.tx, input, actorOf(ctx))),
});
