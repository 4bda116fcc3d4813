import "server-only";
import { can, type Permission, type Role } from "@/lib/permissions";

/**
 * Every notification kind and the permission a member needs to see it (SPEC §2: an area's
 * alerts go only to the roles that may open that area; a cashier gets no payables alerts).
 * A notification addressed to one person (user_id set) is theirs whatever its kind.
 */
export const NOTIFICATION_KINDS: Record<string, Permission> = {
  // Purchasing
  PAYABLE_DUE_SOON: "purchasing.read",
  PAYABLE_OVERDUE: "purchasing.read",
  REPLENISHMENT: "purchasing.read",
  // Stock
  LOTS_EXPIRING: "stock.read",
  // Fiscal (ARCA): CAEA missing / reporting deadline / share of the fortnight; certificate expiry.
  FISCAL_CAEA_MISSING: "fiscal.read",
  FISCAL_CAEA_DEADLINE: "fiscal.issue",
  FISCAL_CAEA_SHARE: "fiscal.issue",
  FISCAL_CERT_EXPIRING: "tenant.settings",
  /** A document ARCA rejected (or that failed for good): someone must fix and retry it. */
  FISCAL_DOC_REJECTED: "fiscal.issue",
  /** Documents still waiting for their CAE long after the sale. */
  FISCAL_DOCS_STUCK: "fiscal.issue",
  // Billing
  RECEIVABLE_OVERDUE: "billing.read",
  // POS and cash
  /** Offline sales the server refused: addressed to the cashier whose terminal holds them. */
  OFFLINE_SALES_REFUSED: "pos.sell",
  /** Synced offline sales that oversold: a supervisor reviews them. */
  STOCK_CONFLICT: "cash.review",
  /** A closing more than 5 % off, waiting for a supervisor's justification. */
  CASH_DEVIATION_CRITICAL: "cash.review",
};

/** The kinds a role may see. */
export const kindsFor = (role: Role): string[] =>
  Object.entries(NOTIFICATION_KINDS)
    .filter(([, perm]) => can(role, perm))
    .map(([k]) => k);
