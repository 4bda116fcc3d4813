import "server-only";
import { z } from "zod";
import { permissionProcedure, router, tenantProcedure } from "../trpc";
import { can } from "../../auth/permissions";
import { AppError } from "../../errors/app-error";
import { assertOwnSaleDocument } from "../../fiscal/own-sale-document";
import { getFiscalSettings, ZFiscalSettingsResponse } from "../../fiscal/get-fiscal-settings";
import { saveFiscalSettings, ZSaveFiscalSettingsInput, ZSaveFiscalSettingsResponse } from "../../fiscal/save-fiscal-settings";
import { uploadCredentials, ZUploadCredentialsInput, ZUploadCredentialsResponse } from "../../fiscal/upload-credentials";
import { savePointOfSale, ZSavePointOfSaleInput, ZSavePointOfSaleResponse } from "../../fiscal/save-point-of-sale";
import { listDocuments, ZListDocumentsInput, ZListDocumentsResponse } from "../../fiscal/list-documents";
import { getDocument, getDocumentXml, ZGetDocumentResponse, ZGetDocumentXmlResponse } from "../../fiscal/get-document";
import { retryDocument, ZRetryDocumentResponse } from "../../fiscal/retry-document";
import { sendFiscalEvent } from "../../fiscal/events";
import { checkConnection, ZCheckConnectionResponse } from "../../fiscal/check-connection";
import { findStaleDocuments, ZRequeuePendingResponse } from "../../fiscal/find-stale-documents";
import { generateCsr } from "../../fiscal/generate-csr";
import { refreshFiscalParameters } from "../../fiscal/refresh-fiscal-parameters";
import { checkRegisterPointOfSale } from "../../fiscal/check-register-point-of-sale";
import { getCaeaOverview, ZCaeaOverviewResponse } from "../../fiscal/caea-overview";
import { requestCaeas, ZRequestCaeaResponse } from "../../fiscal/request-caea";
import { setRegisterContingency } from "../../fiscal/register-contingency";
import { correctCaeaDocument, ZCorrectCaeaDocumentInput, ZCorrectCaeaDocumentResponse } from "../../fiscal/correct-caea-document";
import { runCaeaMaintenance, ZReportCaeaNowResponse } from "../../fiscal/caea-maintenance";

export const ZGenerateCsrResponse = z.object({ csrPem: z.string(), createdAt: z.string(), fileName: z.string() });
export const ZPointOfSaleCheckResponse = z.object({ ok: z.boolean(), pointOfSale: z.number().nullable(), message: z.string().nullable(), checkedAt: z.string().nullable() });
export const ZSetContingencyResponse = z.object({ registerId: z.uuid(), mode: z.enum(["OFF", "MANUAL"]) });
export const ZRefreshParametersResponse = z.object({ refreshed: z.array(z.string()), failed: z.array(z.string()) });

export const fiscalRouter = router({
  settings: permissionProcedure("tenant.settings").output(ZFiscalSettingsResponse).query(({ ctx }) => getFiscalSettings(ctx.tx)),
  saveSettings: permissionProcedure("tenant.settings")
    .input(ZSaveFiscalSettingsInput)
    .output(ZSaveFiscalSettingsResponse)
    .mutation(({ ctx, input }) => saveFiscalSettings(ctx.tx, input)),
  /** The private key goes in, never out. */
  uploadCredentials: permissionProcedure("tenant.settings")
    .input(ZUploadCredentialsInput)
    .output(ZUploadCredentialsResponse)
    .mutation(({ ctx, input }) => uploadCredentials(ctx.tx, input)),
  savePointOfSale: permissionProcedure("tenant.settings")
    .input(ZSavePointOfSaleInput)
    .output(ZSavePointOfSaleResponse)
    .mutation(({ ctx, input }) => savePointOfSale(ctx.tx, input)),

  /** FEDummy + a WSAA ticket with the uploaded certificate. */
  checkConnection: permissionProcedure("tenant.settings").output(ZCheckConnectionResponse).mutation(({ ctx }) => checkConnection(ctx.tx, ctx.tenant.id)),

  /** Onboarding: RSA 2048 key (kept here, encrypted) + the CSR to paste in ARCA (ex AFIP). */
  generateCsr: permissionProcedure("tenant.settings")
    .input(z.object({ alias: z.string().trim().max(40).optional() }))
    .output(ZGenerateCsrResponse)
    .mutation(({ ctx, input }) => generateCsr(ctx.tx, input)),
  /** FEParamGetPtosVenta + FEParamGetCondicionIvaReceptor now (also refreshed daily). */
  refreshParameters: permissionProcedure("tenant.settings")
    .output(ZRefreshParametersResponse)
    .mutation(({ ctx }) => refreshFiscalParameters(ctx.tenant.id)),
  /** Before a sale: is the register's point of sale valid at ARCA (cached parameters)? */
  registerPointOfSale: permissionProcedure("pos.sell")
    .input(z.object({ registerId: z.uuid() }))
    .output(ZPointOfSaleCheckResponse)
    .query(({ ctx, input }) => checkRegisterPointOfSale(ctx.tx, input.registerId)),
  caeaOverview: permissionProcedure("fiscal.read").output(ZCaeaOverviewResponse).query(({ ctx }) => getCaeaOverview(ctx.tx)),
  requestCaea: permissionProcedure("tenant.settings").output(ZRequestCaeaResponse).mutation(({ ctx }) => requestCaeas(ctx.tenant.id)),
  /** A supervisor's decision: a register issues under CAEA (or back to CAE). */
  setContingency: permissionProcedure("fiscal.issue")
    .input(z.object({ registerId: z.uuid(), on: z.boolean(), reason: z.string().trim().max(300).nullable().optional() }))
    .output(ZSetContingencyResponse)
    .mutation(({ ctx, input }) => setRegisterContingency(ctx.tx, input, { userId: ctx.user.id })),
  correctCaeaDocument: permissionProcedure("fiscal.issue")
    .input(ZCorrectCaeaDocumentInput)
    .output(ZCorrectCaeaDocumentResponse)
    .mutation(({ ctx, input }) => correctCaeaDocument(ctx.tx, input)),
  /** Report CAEA documents / "sin movimiento" now (the cron does it every 10 minutes). */
  reportCaeaNow: permissionProcedure("fiscal.issue").output(ZReportCaeaNowResponse).mutation(({ ctx }) => runCaeaMaintenance(ctx.tenant.id)),

  documents: permissionProcedure("fiscal.read")
    .input(ZListDocumentsInput)
    .output(ZListDocumentsResponse)
    .query(({ ctx, input }) => listDocuments(ctx.tx, input)),
  /** fiscal.read: any document; a cashier (pos.sell): only those of sales in their own sessions. */
  document: tenantProcedure.input(z.object({ id: z.uuid() })).output(ZGetDocumentResponse).query(async ({ ctx, input }) => {
    if (!can(ctx.role, "fiscal.read")) {
      if (!can(ctx.role, "pos.sell")) throw new AppError("FORBIDDEN", "Tu rol no permite esta acción.");
      await assertOwnSaleDocument(ctx.tx, input.id, ctx.user.id);
    }
    return getDocument(ctx.tx, input.id);
  }),
  documentXml: permissionProcedure("tenant.settings")
    .input(z.object({ id: z.uuid() }))
    .output(ZGetDocumentXmlResponse)
    .query(({ ctx, input }) => getDocumentXml(ctx.tx, input.id)),
  /** Re-send the events of every document still waiting (e.g. right after starting Inngest). */
  requeuePending: permissionProcedure("fiscal.issue").output(ZRequeuePendingResponse).mutation(async ({ ctx }) => {
    const docs = await findStaleDocuments(ctx.tx, { pendingAgeMs: 0, errorAgeMs: 0 });
    ctx.afterCommit(() => Promise.all(docs.map((d) => sendFiscalEvent(d.id, ctx.tenant.id))));
    return { requested: docs.length };
  }),
  retry: permissionProcedure("fiscal.issue")
    .input(z.object({ id: z.uuid() }))
    .output(ZRetryDocumentResponse)
    .mutation(async ({ ctx, input }) => {
      const r = await retryDocument(ctx.tx, input.id);
      ctx.afterCommit(() => sendFiscalEvent(input.id, ctx.tenant.id));
      return r;
    }),
});
