import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { verifySupervisor } from "../pos/verify-supervisor";
import type { Permission } from "../auth/permissions";

/** A supervisor's credentials for a billing action (throttled and recorded like a void's), never the requester's own. */
export async function billingSupervisor(
  tx: Tx,
  creds: { email: string; password: string },
  permission: Permission,
  subjectId: string,
  actor: { userId: string; ip?: string },
) {
  const [t] = await tx.execute<{ id: string }>(sql`select current_setting('app.current_tenant', true) as id`);
  return verifySupervisor(
    tx,
    { email: creds.email, password: creds.password, permission, subjectId },
    { tenantId: t!.id, requesterId: actor.userId, excludedUserIds: [], ip: actor.ip ?? "local" },
  );
}
