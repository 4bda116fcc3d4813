import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { memberships, users } from "../db/schema/tenancy";
import { ROLES } from "@/lib/permissions";

export const ZListMembersResponse = z.array(
  z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES), since: z.date() }),
);
export type TListMembersResponse = z.infer<typeof ZListMembersResponse>;

/** The members of the transaction's tenant (RLS keeps other tenants' memberships out). */
export function listMembers(tx: Tx): Promise<TListMembersResponse> {
  return tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.name));
}
