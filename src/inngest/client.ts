import { Inngest } from "inngest";

// One Inngest client for the app. Dev: `npx inngest-cli dev -u http://localhost:3000/api/inngest`
// (INNGEST_DEV=1). Production: INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (Inngest Cloud or self-hosted).
export const inngest = new Inngest({
  id: "mostrador",
  // INNGEST_DEV wins when set; otherwise development without a signing key talks to the local dev server.
  ...(process.env.INNGEST_DEV === undefined && process.env.NODE_ENV !== "production" && !process.env.INNGEST_SIGNING_KEY ? { isDev: true } : {}),
});

export const FISCAL_DOCUMENT_REQUESTED = "fiscal/document.requested";
export type FiscalDocumentRequested = {
  tenantId: string;
  documentId: string;
  /** tenant + point of sale + type: the concurrency key serializing AFIP numbering. */
  seriesKey: string;
};
