import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { listRegistersWithSessions } from "../cash/current-cash-session";

export const ZListOpenCashSessionsResponse = z.array(z.object({ cashSessionId: z.uuid(), registerName: z.string() }));
export type TListOpenCashSessionsResponse = z.infer<typeof ZListOpenCashSessionsResponse>;

/** Open cash sessions where a folio checkout can be paid. */
export async function listOpenCashSessions(tx: Tx): Promise<TListOpenCashSessionsResponse> {
  return (await listRegistersWithSessions(tx)).flatMap((r) => (r.cashSessionId ? [{ cashSessionId: r.cashSessionId, registerName: r.registerName }] : []));
}
