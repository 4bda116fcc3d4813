"use client";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import type { Permission } from "@/lib/permissions";

// The role's permissions, handed down once by the business layout (server side, from
// getPageMembership). Components only hide what the role cannot do; the server checks again
// on every procedure.
const PermissionsContext = createContext<ReadonlySet<Permission>>(new Set());

export function PermissionsProvider({ permissions, children }: { permissions: readonly Permission[]; children: ReactNode }) {
  const set = useMemo(() => new Set(permissions), [permissions]);
  return <PermissionsContext.Provider value={set}>{children}</PermissionsContext.Provider>;
}

/** `const can = useCan(); can("purchasing.write")`. */
export function useCan(): (p: Permission) => boolean {
  const set = useContext(PermissionsContext);
  return useCallback((p: Permission) => set.has(p), [set]);
}
