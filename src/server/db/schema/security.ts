import {
  boolean,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { memberRole, users } from "./tenancy";
import { moneyCol, tenantChildCol, tenantCol, unitCostCol } from "./columns";
import { products } from "./inventory";
import { saleLines, stockConflictStatus } from "./pos";

// Security and accounts (issue 11): who authorised what for someone else, the price history
// the offline sync door checks against, price/catalog conflicts for review, invitations the
// invitee accepts, password reset tokens and the outbox of e-mails.

/** Every check of another person's credentials (a supervisor authorising a void), granted or not. */
export const authorizationEvents = pgTable(
  "authorization_events",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    /** The permission asked for, e.g. "pos.void". */
    action: text().notNull(),
    /** The row acted on (the sale). */
    subjectId: uuid(),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    /** Set only when the credentials were valid (an unknown e-mail names nobody). */
    authorizerId: uuid().references(() => users.id),
    granted: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("authorization_events_created_idx").on(t.tenantId, t.createdAt)],
);

/**
 * The sale price and active flag each product had, and since when (kept by a trigger on
 * products). The offline sync door accepts a price the terminal could really have shown.
 */
export const productPriceHistory = pgTable(
  "product_price_history",
  {
    tenantId: tenantChildCol(),
    id: uuid().notNull().defaultRandom(),
    productId: uuid().notNull(),
    salePrice: moneyCol().notNull(),
    active: boolean().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null while current. */
    validTo: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete("cascade"),
    index("product_price_history_product_idx").on(t.tenantId, t.productId, t.validFrom),
  ],
);

export const catalogConflictKind = pgEnum("catalog_conflict_kind", ["PRICE", "INACTIVE"]);

/** A synced offline line whose price the product never had in the window, or of a product already inactive. */
export const catalogConflicts = pgTable(
  "catalog_conflicts",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    saleId: uuid().notNull(),
    lineNo: integer().notNull(),
    productId: uuid().notNull(),
    kind: catalogConflictKind().notNull(),
    chargedPrice: unitCostCol().notNull(),
    catalogPrice: moneyCol().notNull(),
    cashierId: uuid()
      .notNull()
      .references(() => users.id),
    status: stockConflictStatus().notNull().default("OPEN"),
    resolution: text(),
    resolvedBy: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.saleId, t.lineNo], foreignColumns: [saleLines.tenantId, saleLines.saleId, saleLines.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    uniqueIndex("catalog_conflicts_line_key").on(t.tenantId, t.saleId, t.lineNo, t.kind),
    index("catalog_conflicts_status_idx").on(t.tenantId, t.status, t.createdAt),
  ],
);

/** An invitation to a business: the invitee accepts it with the link's token (stored hashed). */
export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    role: memberRole().notNull(),
    tokenHash: text().notNull(),
    invitedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("invitations_token_key").on(t.tenantId, t.tokenHash),
    index("invitations_created_idx").on(t.tenantId, t.createdAt),
  ],
);

/** Password reset tokens (hashed). Written and consumed only by reviewed SECURITY DEFINER functions. */
export const passwordResetTokens = pgTable("password_reset_tokens", {
  tokenHash: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** E-mails to send. Development shows them on /dev/correo; production sends them by SMTP. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    toEmail: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** The SMTP sender claims a message until then (a crashed sender's claim lapses); after a failure, the retry time. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the sender gives up (too many failures); the message stays for review. */
    failedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("outbox_messages_pending_idx").on(t.sentAt, t.createdAt), index("outbox_messages_due_idx").on(t.nextAttemptAt)],
);

/**
 * A sign-up waiting for its e-mail to be confirmed: the business and the account are created
 * only when the link is followed (and the password is chosen there), so the sign-up form never
 * reveals whether an e-mail has an account. Written and consumed only by reviewed SECURITY
 * DEFINER functions; the token is stored hashed and spent once.
 */
export const signupRequests = pgTable(
  "signup_requests",
  {
    tokenHash: text().primaryKey(),
    email: text().notNull(),
    ownerName: text().notNull(),
    businessName: text().notNull(),
    kind: text().notNull(),
    slug: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("signup_requests_email_idx").on(t.email, t.createdAt)],
);

/** Sessions ended by sign-out: their token id is refused until the token would have expired anyway. */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    jti: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);
