import "server-only";
import { sendFiscalEvent } from "../fiscal/events";

// After-commit hook for fiscal documents requested by a sale or a void. A failed send is not
// an error for the sale: the document stays PENDING and the fiscal sweep picks it up.
export async function sendSaleFiscalEvent(documentId: string, tenantId: string): Promise<void> {
  await sendFiscalEvent(documentId, tenantId);
}
