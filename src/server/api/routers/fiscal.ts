import "server-only";
import { z } from "zod";
import { permissionProcedure, router, tenantProcedure } from "../trpc";
import { can } from "../../auth/permissions";
import { AppError } from "../../errors/app-error";
import { assertOwnSaleDocument } from "../../fiscal/own-sale-document";
import { getFiscalSettings } from "../../fiscal/get-fiscal-settings";
import { saveFiscalSettings, ZSaveFiscalSettingsInput } from "../../fiscal/save-fiscal-settings";
import { uploadCredentials, ZUploadCredentialsInput } from "../../fiscal/upload-credentials";
import { savePointOfSale, ZSavePointOfSaleInput } from "../../fiscal/save-point-of-sale";
import { listDocuments, ZListDocumentsInput } from "../../fiscal/list-documents";
import { getDocument, getDocumentXml } from "../../fiscal/get-document";
import { retryDocument } from "../../fiscal/retry-document";
import { sendFiscalEvent } from "../../fiscal/events";
import { checkConnection } from "../../fiscal/check-connection";
import { findStaleDocuments } from "../../fiscal/find-stale-documents";

export const fiscalRouter = router({
  settings: permissionProcedure("tenant.settings").query(({ ctx }) => getFiscalSettings(ctx.tx)),
  saveSettings: permissionProcedure("tenant.settings")
    .input(ZSaveFiscalSettingsInput)
    .mutation(({ ctx, input }) => saveFiscalSettings(ctx.tx, input)),
  /** The private key goes in, never out. */
  uploadCredentials: permissionProcedure("tenant.settings")
    .input(ZUploadCredentialsInput)
    .mutation(({ ctx, input }) => uploadCredentials(ctx.tx, input)),
  savePointOfSale: permissionProcedure("tenant.settings")
    .input(ZSavePointOfSaleInput)
    .mutation(({ ctx, input }) => savePointOfSale(ctx.tx, input)),

  /** FEDummy + a WSAA ticket with the uploaded certificate. */
  checkConnection: permissionProcedure("tenant.settings").mutation(({ ctx }) => checkConnection(ctx.tx, ctx.tenant.id)),

  documents: permissionProcedure("fiscal.read")
    .input(ZListDocumentsInput)
    .query(({ ctx, input }) => listDocuments(ctx.tx, input)),
  /** fiscal.read: any document; a cashier (pos.sell): only those of sales in their own sessions. */
  document: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    if (!can(ctx.role, "fiscal.read")) {
      if (!can(ctx.role, "pos.sell")) throw new AppError("FORBIDDEN", "Tu rol no permite esta acción.");
      await assertOwnSaleDocument(ctx.tx, input.id, ctx.user.id);
    }
    return getDocument(ctx.tx, input.id);
  }),
  documentXml: permissionProcedure("tenant.settings")
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getDocumentXml(ctx.tx, input.id)),
  /** Re-send the events of every document still waiting (e.g. right after starting Inngest). */
  requeuePending: permissionProcedure("fiscal.issue").mutation(async ({ ctx }) => {
    const docs = await findStaleDocuments(ctx.tx, { pendingAgeMs: 0, errorAgeMs: 0 });
    ctx.afterCommit(() => Promise.all(docs.map((d) => sendFiscalEvent(d.id, ctx.tenant.id))));
    return { requested: docs.length };
  }),
  retry: permissionProcedure("fiscal.issue")
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const r = await retryDocument(ctx.tx, input.id);
      ctx.afterCommit(() => sendFiscalEvent(input.id, ctx.tenant.id));
      return r;
    }),
});
