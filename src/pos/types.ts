import type { TSaleInput } from "../lib/schemas/sale";
import type { PosCustomerRecord, SyncStatus, TPosOp } from "../lib/schemas/pos-wire";

// Shapes shared by the browser-side offline POS (pages and service worker) and the server
// endpoints that feed it. Plain data only: this module is bundled into the service worker.

/** A product as the register keeps it locally. Prices are decimal strings, never floats. */
export type CatalogProduct = {
  id: string;
  sku: string;
  name: string;
  barcodes: string[];
  /** Gross unit price (IVA included). */
  salePrice: string;
  ivaRate: string;
  unit: string;
  isService: boolean;
  active: boolean;
  /** Server time of the last change (ISO), used only to pick the newest record on barcode clashes. */
  updatedAt: string;
};

/** What IndexedDB stores: the product plus derived lookup/search keys. */
export type StoredProduct = CatalogProduct & {
  /** Scanner keys (one multi-entry index): every barcode, plus "#<sku>" for SKUs typed by hand. */
  codes: string[];
  /** Normalised full name (lower case, no accents). */
  nameNorm: string;
  /** Normalised words of name and SKU (searched in memory, not indexed: a multi-entry word
   *  index made catalog downloads several times slower in Chromium). */
  words: string[];
};

/** Pack rule: one parent (e.g. a box) holds `unitsPerParent` children; auto-unpacked on sale. */
export type PackRule = {
  id: string;
  parentProductId: string;
  childProductId: string;
  unitsPerParent: string;
};

/** One page of catalog changes since a cursor (deactivations included as active=false). */
export type CatalogDelta = {
  products: CatalogProduct[];
  /** Pack rules are few: the full set is sent on the last page of every sync. */
  packs?: PackRule[];
  /** Opaque cursor to store and send next time. */
  cursor: string;
  hasMore: boolean;
};

/** What the cashier saw: kept beside the payload so a queued or refused sale can be shown. */
export type SaleDisplay = {
  total: string;
  lines: { productId: string; name: string; quantity: string; unitPrice: string; discount?: string }[];
  /** What the ticket shows (set by the terminal; older queued sales may lack them). */
  subtotal?: string;
  discount?: string;
  payments?: { method: string; amount: string }[];
  change?: string;
  customer?: { name: string; doc: string; ivaCondition?: string } | null;
  /** This device's own ticket number, shown until the server assigns the register's. */
  localNumber?: string;
  registerName?: string;
};

/** A confirmed sale waiting for the server. `seq` gives FIFO order. */
export type QueuedSale = {
  seq?: number;
  sale: TSaleInput;
  display: SaleDisplay;
  queuedAt: string;
  attempts: number;
  lastAttemptAt?: string;
  /** Last transient error (network, server 5xx, a per-sale server error worth retrying). */
  lastError?: string;
  /** The till is waiting for this sale's verdict (online charge): the sync engine leaves it alone until then. */
  holdUntil?: string;
};

/** A sale the server refused. Stays here, visible, until someone resolves it. */
export type RefusedSale = {
  saleId: string;
  sale: TSaleInput;
  display: SaleDisplay;
  queuedAt: string;
  refusedAt: string;
  code: string;
  reason: string;
  /** Set when a supervisor acknowledged it (kept as a record, never deleted silently). */
  resolvedAt?: string;
  resolution?: "REQUEUED" | "DISCARDED";
  resolutionNote?: string;
};

/** A sale the server answered for (kept for the cashier's recent list). */
export type SyncedSale = {
  saleId: string;
  status: SyncStatus;
  ticketNumber?: number;
  stockConflict: boolean;
  total: string;
  createdAt: string;
  syncedAt: string;
  /** For "reimprimir último" with the same total. */
  display?: SaleDisplay;
};

export type { SyncStatus, SaleSyncResult, SyncBatchResponse, PosContext } from "../lib/schemas/pos-wire";
export type SyncBatchRequest = { sales: TSaleInput[]; strict?: boolean };

/** A shift opening, cash in/out or customer waiting for the server (FIFO, before sales). */
export type QueuedOp = {
  seq?: number;
  op: TPosOp;
  queuedAt: string;
  attempts: number;
  lastError?: string;
};

/** An operation the server refused: stays visible with the reason. */
export type RefusedOp = { id: string; op: TPosOp; refusedAt: string; code: string; reason: string };

/** The local copy of a customer; `pending` until the server has it. */
export type LocalCustomer = PosCustomerRecord & { pending?: boolean; search: string };
