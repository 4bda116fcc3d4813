import { openPosDb } from "./db";
import { queueSize, unresolvedRefusedCount } from "./queue";
import { opsSize } from "./ops";

/**
 * For any screen that closes a cash session or signs out (the POS page owns those
 * buttons): sales still in this browser's offline queue, or refused and unresolved, must
 * reach the server first. Returns the counts and a Spanish message when blocked.
 */
export async function offlineSalesBlock(slug: string): Promise<{ queued: number; refused: number; message: string | null }> {
  if (typeof indexedDB === "undefined") return { queued: 0, refused: 0, message: null };
  const db = await openPosDb(slug);
  try {
    const [sales, ops, refused] = await Promise.all([queueSize(db), opsSize(db), unresolvedRefusedCount(db)]);
    const queued = sales + ops;
    return { queued, refused, message: blockMessage(queued, refused) };
  } finally {
    db.close();
  }
}

export function blockMessage(queued: number, refused: number): string | null {
  if (queued > 0)
    return `Hay ${queued} ${queued === 1 ? "operación" : "operaciones"} (ventas o movimientos de caja) sin enviar al servidor. Conectate y esperá a que se sincronicen antes de cerrar la caja o salir.`;
  if (refused > 0)
    return `Hay ${refused} ${refused === 1 ? "venta rechazada" : "ventas rechazadas"} sin resolver. Resolvelas antes de cerrar la caja o salir.`;
  return null;
}
