import "server-only";

// After-commit hook for fiscal documents requested by a sale or a void. Points at the fiscal
// area's sendFiscalEvent once src/server/fiscal/events.ts is merged; until then there is no
// document id to send (requestSaleFiscalDocument returns null), so this is never reached.
export async function sendSaleFiscalEvent(_documentId: string, _tenantId: string): Promise<void> {}
