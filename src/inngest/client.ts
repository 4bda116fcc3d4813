import { Inngest } from "inngest";
import { runtimeEnv, type RuntimeEnv } from "@/server/env";

// One Inngest client for the app. Dev: `npx inngest-cli dev -u http://localhost:3000/api/inngest`
// (INNGEST_DEV=1). Production: INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (Inngest Cloud or self-hosted).
const devMode = (e: RuntimeEnv) => (e.INNGEST_DEV === undefined && e.NODE_ENV !== "production" && !e.INNGEST_SIGNING_KEY ? { isDev: true } : {});

export const inngest = new Inngest({
  id: "mostrador",
  // INNGEST_DEV wins when set; otherwise development without a signing key talks to the local dev server.
  ...devMode(runtimeEnv()),
});

export const FISCAL_DOCUMENT_REQUESTED = "fiscal/document.requested";
export type FiscalDocumentRequested = {
  tenantId: string;
  documentId: string;
  /** tenant + point of sale + type: the concurrency key serializing AFIP numbering. */
  seriesKey: string;
};
