// The one role → permission matrix (SPEC §2). tRPC middleware enforces it; the UI uses
// `can()` to hide what a role cannot do.
export const ROLES = ["OWNER", "ADMIN", "MANAGER", "SUPERVISOR", "CASHIER", "OPERATOR", "AUDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "tenant.delete", // delete the business
  "tenant.settings", // business and fiscal settings, certificates
  "members.manage", // invite members, change roles
  "catalog.read",
  "catalog.write", // products, families, packs, categories, warehouses
  "stock.read",
  "stock.receive", // manual IN / opening stock
  "stock.exit", // consume / exit to kitchen or room
  "stock.transfer",
  "movements.read",
  "purchasing.read",
  "purchasing.write", // suppliers, orders, receipts, payables, price lists
  "pos.sell", // ring sales, own cash session
  "pos.void", // authorise voids
  "cash.review", // see expected amounts, justify deviations, resolve stock conflicts
  "counts.perform", // blind counts
  "counts.apply",
  "fiscal.read",
  "fiscal.issue", // retry documents
  "reports.read",
  "accounting.read", // journal exports history, chart of accounts, VAT books pre-check
  "accounting.write", // chart and mapping, generate and export entries
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const all = PERMISSIONS.filter((p) => p !== "tenant.delete");
const readOnly: Permission[] = ["catalog.read", "stock.read", "movements.read", "purchasing.read", "fiscal.read", "reports.read"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set(PERMISSIONS),
  ADMIN: new Set(all),
  MANAGER: new Set<Permission>([
    ...readOnly,
    "catalog.write",
    "stock.receive",
    "stock.exit",
    "stock.transfer",
    "purchasing.write",
    "counts.apply",
    "counts.perform",
    "accounting.read",
  ]),
  SUPERVISOR: new Set<Permission>([
    ...readOnly,
    "stock.receive",
    "stock.exit",
    "stock.transfer",
    "pos.sell",
    "pos.void",
    "cash.review",
    "counts.apply",
    "fiscal.issue",
    "counts.perform",
  ]),
  // POS and their own session only (SPEC §2): no fiscal document listing, no purchase costs.
  CASHIER: new Set<Permission>(["catalog.read", "pos.sell"]),
  OPERATOR: new Set<Permission>(["catalog.read", "stock.read", "stock.exit", "movements.read", "counts.perform"]),
  AUDITOR: new Set<Permission>([...readOnly, "counts.perform", "accounting.read"]),
  VIEWER: new Set<Permission>(readOnly),
};

export const can = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].has(permission);

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Dueño",
  ADMIN: "Administrador",
  MANAGER: "Encargado",
  SUPERVISOR: "Supervisor",
  CASHIER: "Cajero",
  OPERATOR: "Operario",
  AUDITOR: "Auditor",
  VIEWER: "Solo lectura",
};
