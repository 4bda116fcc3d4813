import "server-only";
import { z } from "zod";

// What the online POS answers for a sale (the router drops the fiscal document id: the fiscal
// event is sent after commit, the terminal does not need it).

export const ZCreateSaleResponse = z.object({
  saleId: z.uuid(),
  ticketNumber: z.number(),
  total: z.string(),
  change: z.string(),
  status: z.enum(["CREATED", "DUPLICATE"]),
  stockConflict: z.boolean(),
  catalogConflict: z.boolean().optional(),
});
export type TCreateSaleResponse = z.infer<typeof ZCreateSaleResponse>;

