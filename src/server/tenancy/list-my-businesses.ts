import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { memberships, tenants } from "../db/schema/tenancy";
import { ROLES } from "@/lib/permissions";

export const ZListMyBusinessesResponse = z.array(z.object({ slug: z.string(), name: z.string(), kind: z.enum(["HOTEL", "RESTAURANT", "RETAIL"]), role: z.enum(ROLES) }));
export type TListMyBusinessesResponse = z.infer<typeof ZListMyBusinessesResponse>;

/** "My businesses", in a user transaction (withUser): RLS on app.current_user shows only their memberships. */
export function listMyBusinesses(tx: Tx, userId: string): Promise<TListMyBusinessesResponse> {
  return tx
    .select({ slug: tenants.slug, name: tenants.name, kind: tenants.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name));
}
