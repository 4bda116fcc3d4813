import "server-only";
import { sendFiscalEvent } from "../fiscal/events";

/** After-commit hook for a document requested by a sale or a void (never throws). */
export async function sendSaleFiscalEvent(documentId: string, tenantId: string): Promise<void> {
  await sendFiscalEvent(documentId, tenantId);
}
