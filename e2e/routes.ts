import { readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

// What the every-page spec (and bench/lighthouse.ts) need besides the pages themselves: the list of routes (read from
// src/app, so a new page is visited without anyone remembering to add it), who uses each one,
// and an id for every dynamic segment (the demo's seeded rows, or rows created here through
// the app's own tRPC endpoint).
// Plain TypeScript, no Playwright: the spec passes its signed-in tabs (every-page-data.ts),
// the bench its fetch with a session cookie.

export type Who = "anon" | "owner" | "manager" | "supervisor" | "cashier";

/** Every page.tsx under src/app as a route pattern ("/[slug]/compras/ordenes/[id]"); route groups dropped. */
export function appRoutes(dir = path.resolve(process.cwd(), "src/app"), prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name === "page.tsx") out.push(prefix || "/");
    if (!e.isDirectory() || e.name.startsWith("_") || e.name.startsWith("@")) continue;
    const seg = /^\(.*\)$/.test(e.name) ? "" : `/${e.name}`;
    out.push(...appRoutes(path.join(dir, e.name), prefix + seg));
  }
  return [...new Set(out)].sort();
}

// Who opens each page day to day. Longest matching prefix wins; tenant pages default to the owner.
const USERS: [string, Who][] = [
  ["/", "anon"],
  ["/ingresar", "anon"],
  ["/registro", "anon"],
  ["/recuperar", "anon"],
  ["/invitacion", "anon"],
  ["/precio", "anon"],
  ["/dev", "anon"],
  ["/cuenta", "owner"],
  ["/negocios", "owner"],
  ["/[slug]", "owner"],
  ["/[slug]/inventario", "manager"],
  ["/[slug]/compras", "manager"],
  ["/[slug]/conteos", "manager"],
  ["/[slug]/conteos/[id]/contar", "supervisor"],
  ["/[slug]/clientes", "manager"],
  ["/[slug]/folios", "manager"],
  ["/[slug]/facturacion", "manager"],
  ["/[slug]/caja", "supervisor"],
  ["/[slug]/conflictos", "supervisor"],
  ["/[slug]/pos", "cashier"],
  ["/[slug]/terminal", "cashier"],
];

export function whoUses(route: string): Who {
  let best: [string, Who] = ["", "owner"];
  for (const [prefix, who] of USERS) {
    const hit = prefix === "/" ? route === "/" : route === prefix || route.startsWith(`${prefix}/`);
    if (hit && prefix.length > best[0].length) best = [prefix, who];
  }
  return best[1];
}

/** The ids the dynamic segments get (created once per run). */
export type Ids = {
  order: string;
  payable: string;
  supplier: string;
  count: string;
  customer: string;
  batch: string;
  fiscalDocument: string;
  folio: string;
  product: string;
  sale: string;
};

// Dynamic route → the id it shows. A new dynamic page needs its row here (the spec says so).
export const PARAMS: Record<string, (ids: Ids) => string> = {
  "/[slug]/compras/ordenes/[id]": (i) => i.order,
  "/[slug]/compras/ordenes/[id]/editar": (i) => i.order,
  "/[slug]/compras/ordenes/[id]/recibir": (i) => i.order,
  "/[slug]/compras/ordenes/[id]/imprimir": (i) => i.order,
  "/[slug]/compras/pagos/[id]": (i) => i.payable,
  "/[slug]/compras/proveedores/[id]": (i) => i.supplier,
  "/[slug]/conteos/[id]": (i) => i.count,
  "/[slug]/conteos/[id]/contar": (i) => i.count,
  "/[slug]/conteos/[id]/informe": (i) => i.count,
  "/[slug]/facturacion/cuentas/[customerId]": (i) => i.customer,
  "/[slug]/facturacion/lotes/[id]": (i) => i.batch,
  "/[slug]/fiscal/comprobantes/[id]": (i) => i.fiscalDocument,
  "/[slug]/folios/[id]": (i) => i.folio,
  "/[slug]/inventario/productos/[productId]": (i) => i.product,
  "/[slug]/pos/ticket/[saleId]": (i) => i.sale,
  // Links from e-mails: an unknown token shows the page's "link not valid" state.
  "/invitacion/[token]": () => "enlace-vencido-e2e",
  "/recuperar/[token]": () => "enlace-vencido-e2e",
  "/registro/[token]": () => "enlace-vencido-e2e",
};

/** Whether the route's URL needs the demo rows (a dynamic segment other than the business). */
export const needsIds = (route: string) => /\[(?!slug\]|token\])/.test(route);

/** The concrete URL of a route pattern, or null when a dynamic segment has no row in PARAMS. */
export function urlFor(route: string, ids: Ids): string | null {
  const url = route.replace(/^\/\[slug\]/, "/demo").replace(/^\/precio\/\[slug\]$/, "/precio/demo");
  if (!url.includes("[")) return url;
  const id = PARAMS[route];
  return id ? url.replace(/\[[^\]]+\]/, id(ids)) : null;
}

/** How collectDemoIds reaches the app and the demo database. */
export type DemoIo = {
  /** A tRPC call on the demo business as the manager or the cashier; resolves with the result's json. */
  trpc<T>(who: "manager" | "cashier", procedure: string, input: unknown, kind: "query" | "mutation"): Promise<T>;
  /** The first row's id of a read-only query on the demo business (null when none). */
  first(query: string): Promise<string | null>;
  /** The cashier's GET /api/pos/demo/context. */
  posContext(): Promise<any>;
};

/**
 * One row for each dynamic page: the seeded ones are read (read-only) from the demo database;
 * a count, a folio, a billing batch and a sale are created through tRPC as the people who would.
 */
export async function collectDemoIds(io: DemoIo): Promise<Ids> {
  const { first } = io;
  const trpc = <T>(who: "manager" | "cashier", procedure: string, input: unknown, kind: "query" | "mutation" = "mutation") => io.trpc<T>(who, procedure, input, kind);
  const today = new Date().toISOString().slice(0, 10);
  const warehouse = (await first("select id from warehouses where is_default"))!;
  const count = await trpc<{ id: string }>("manager", "counts.create", { name: `Recorrido ${randomUUID().slice(0, 6)}`, warehouseId: warehouse, zones: [{ name: "Góndola" }] });
  const folio = await trpc<{ folioId: string }>("manager", "billing.openFolio", { roomNumber: `E${randomUUID().slice(0, 5)}`, guestName: "Huésped de prueba", checkIn: today, checkOut: today });

  const customer =
    (await first("select id from customers where account_enabled and active order by created_at limit 1")) ??
    (
      await trpc<{ id: string }>("manager", "customers.create", {
        docType: "DNI",
        docNumber: String(20_000_000 + Math.floor(Math.random() * 9_000_000)),
        name: "Cliente con cuenta e2e",
        ivaCondition: "CONSUMIDOR_FINAL",
        accountEnabled: true,
        creditLimit: "100000",
      })
    ).id;
  let batch = await first("select id from billing_batches order by created_at desc limit 1");
  if (!batch) {
    await trpc("manager", "billing.addAccountCharge", { customerId: customer, lines: [{ description: "Servicio de prueba", quantity: "1", unitPrice: "1000", ivaRate: "21" }] });
    const pos = await first("select number::text as id from fiscal_points_of_sale where active and emission_type = 'CAE' order by number limit 1");
    batch = (await trpc<{ batchId: string }>("manager", "billing.createBatch", { id: randomUUID(), pointOfSale: Number(pos ?? 1), issueDate: today, customerIds: [customer] })).batchId;
  }

  const ctx = await io.posContext();
  type Reg = { id: string; name: string; cashSessionId: string | null; openedBy: string | null };
  const regs = ctx.registers as Reg[];
  const mine = regs.find((r) => r.cashSessionId && r.openedBy === ctx.user.id && r.name !== "Caja Offline");
  const free = regs.find((r) => !r.cashSessionId && r.name !== "Caja Offline");
  const registerId = (mine ?? free)!.id;
  const cashSessionId = mine?.cashSessionId ?? (await trpc<{ id: string }>("cashier", "pos.openSession", { registerId, openingFloat: "1000.00" })).id;
  const product = await trpc<{ id: string; salePrice: string }>("cashier", "pos.productByCode", { code: "7790895000997" }, "query");
  const sale = await trpc<{ saleId: string }>("cashier", "pos.createSale", {
    id: randomUUID(),
    registerId,
    cashSessionId,
    createdAt: new Date().toISOString(),
    lines: [{ productId: product.id, quantity: "1", unitPrice: product.salePrice }],
    payments: [{ method: "CASH", amount: product.salePrice }],
  });
  // The sale's own document is issued later (Inngest); any document of the demo will do.
  const fiscalDocument = await first("select id from fiscal_documents limit 1");
  if (!fiscalDocument) throw new Error("a fiscal document to show: none in the demo data");

  return {
    order: (await first("select id from purchase_orders order by created_at limit 1"))!,
    payable: (await first("select id from payables order by created_at limit 1"))!,
    supplier: (await first("select id from suppliers order by created_at limit 1"))!,
    product: product.id,
    count: count.id,
    customer,
    batch: batch!,
    fiscalDocument: fiscalDocument!,
    folio: folio.folioId,
    // pos.createSale answers { saleId } (it was read as `id`: the ticket page was opened as /pos/ticket/undefined).
    sale: sale.saleId,
  };
}
