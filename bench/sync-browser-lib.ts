// Bundled by bench/sync.ts (esbuild, IIFE) and injected into the real terminal page, so the
// benchmark drives the very library the terminal uses, in real Chromium IndexedDB.
import { openPosDb } from "../src/pos/db";
import { enqueueSale, queueSize } from "../src/pos/queue";
import { applyCatalogDelta, lookupBarcode } from "../src/pos/catalog";
import { buildSale } from "../src/pos/cart";

(globalThis as unknown as { __posBench: unknown }).__posBench = { openPosDb, enqueueSale, queueSize, lookupBarcode, buildSale, applyCatalogDelta };
