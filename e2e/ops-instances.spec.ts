// Two app instances, one database: the production artifacts (the standalone Next.js server
// and the bundled migrate script) run as they would in a container, twice, side by side.
// Docker itself is not available on these machines, so this is the closest faithful run.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { encode } from "next-auth/jwt";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../src/server/db/embedded";
import { DEV_ROLES, roleUrl } from "../src/server/db/roles";
import { DEMO_PASSWORD, DEMO_USERS } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next/standalone");
const base = Number(process.env.E2E_PORT ?? 3210);
const ports = [base + 1, base + 2];
const secret = randomUUID() + randomUUID();

let pg: EmbeddedServer;
let admin: postgres.Sql;
const servers: ChildProcess[] = [];
let fakeArca: ChildProcess | undefined;

function run(cmd: string, args: string[], env: Record<string, string>, cwd = root) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

async function waitReady(port: number) {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} never became ready`);
}

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(existsSync(path.join(standalone, "server.js")), "npm run build (output: standalone) first").toBe(true);
  expect(existsSync(path.join(root, "dist/migrate.mjs")), "npm run build:migrate first").toBe(true);
  const dir = path.join(root, `.data/pg-e2e-ops-${base}`);
  rmSync(dir, { recursive: true, force: true });
  pg = await startEmbeddedPostgres({ dir, port: await freePort(), quiet: true });
  const appUrl = roleUrl(pg.superuserUrl(), DEV_ROLES.app, "mostrador");
  const ownerUrl = roleUrl(pg.superuserUrl(), DEV_ROLES.owner, "mostrador");
  // Production refuses to start without its secrets: both instances and the migrate share these.
  const secrets = {
    NEXTAUTH_SECRET: secret,
    FISCAL_KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    INNGEST_SIGNING_KEY: `signkey-test-${randomBytes(32).toString("hex")}`,
    INNGEST_EVENT_KEY: randomBytes(16).toString("hex"),
    INNGEST_BASE_URL: "http://127.0.0.1:9",
  };
  // The production migrate: one bundled file, no dev dependency, roles from the URLs.
  await run(process.execPath, ["dist/migrate.mjs", "--seed"], {
    NODE_ENV: "production",
    ...secrets,
    DATABASE_URL: appUrl,
    DATABASE_OWNER_URL: ownerUrl,
    DATABASE_ADMIN_URL: pg.superuserUrl(),
  });
  // The fiscal demo (a certificate from the fake ARCA's CA, points of sale 1 and 3) is
  // development data a production seed never writes: the development seed adds it, and the fake
  // ARCA runs as its own local process sharing that CA (as scripts/e2e-server.ts does).
  const fakeDir = path.join(root, `.data/fake-afip-e2e-ops-${base}`);
  rmSync(fakeDir, { recursive: true, force: true });
  const devEnv = { NODE_ENV: "development" as const, ...secrets, FAKE_AFIP_DIR: fakeDir };
  const tsx = path.join(root, "node_modules/.bin/tsx");
  await run(tsx, ["--conditions=react-server", "scripts/db.ts", "seed"], {
    ...devEnv,
    DATABASE_URL: appUrl,
    DATABASE_OWNER_URL: ownerUrl,
    DATABASE_ADMIN_URL: pg.superuserUrl(),
  });
  const fakePort = await freePort();
  const fakeEnv: NodeJS.ProcessEnv = { ...process.env, ...devEnv, FAKE_AFIP_PORT: String(fakePort) };
  delete fakeEnv.FAKE_AFIP_URL;
  fakeArca = spawn(tsx, ["--conditions=react-server", "scripts/fake-afip.ts"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: fakeEnv });
  admin = postgres(pg.superuserUrl("mostrador"), { max: 2, onnotice: () => {} });
  // What a container image holds next to server.js (Next.js leaves these to the deployer).
  cpSync(path.join(root, ".next/static"), path.join(standalone, ".next/static"), { recursive: true });
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  for (const port of ports) {
    servers.push(
      spawn(process.execPath, ["server.js"], {
        cwd: standalone,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          DATABASE_URL: appUrl,
          DATABASE_POOL_MAX: "6",
          ...secrets,
          NEXTAUTH_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: "warn",
          // The fake ARCA is accepted by a production build only with E2E=1 and a loopback URL.
          E2E: "1",
          FAKE_AFIP_URL: `http://127.0.0.1:${fakePort}`,
        },
      }),
    );
  }
  await Promise.all(ports.map(waitReady));
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  fakeArca?.kill("SIGTERM");
  await admin?.end();
  await pg?.stop();
});

async function userId(email: string) {
  const [u] = await admin<{ id: string }[]>`select id from users where email = ${email}`;
  return u!.id;
}

/** A tRPC client of one instance: same NEXTAUTH_SECRET, so a session cookie works on both. */
async function trpc(port: number, uid: string) {
  const token = await encode({ token: { sub: uid, uid, sv: 1 }, secret });
  const ctx = await request.newContext({
    baseURL: `http://127.0.0.1:${port}`,
    extraHTTPHeaders: { cookie: `next-auth.session-token=${token}`, "x-tenant-slug": "demo" },
  });
  return {
    ctx,
    async query<T>(proc: string, input: unknown): Promise<T> {
      const r = await ctx.get(`/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
      const body = await r.json();
      if (!r.ok()) throw new Error(`${proc} on ${port}: ${r.status()} ${JSON.stringify(body).slice(0, 300)}`);
      return body.result.data.json as T;
    },
    async mutate<T>(proc: string, input: unknown): Promise<T> {
      const r = await ctx.post(`/api/trpc/${proc}`, { data: { json: input } });
      const body = await r.json();
      if (!r.ok()) throw new Error(`${proc} on ${port}: ${r.status()} ${JSON.stringify(body).slice(0, 300)}`);
      return body.result.data.json as T;
    },
  };
}

test("both instances are healthy, on this build, with every migration applied", async () => {
  for (const port of ports) {
    const h = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(h).toMatchObject({ status: "ok", database: "ok", migrations: { upToDate: true, pending: [] } });
    expect((await fetch(`http://127.0.0.1:${port}/api/live`)).status).toBe(200);
  }
});

test("small tRPC answers are sent as they are; larger ones and pages are still gzipped", async () => {
  const owner = await userId(DEMO_USERS.owner);
  const token = await encode({ token: { sub: owner, uid: owner, sv: 1 }, secret });
  const get = (p: string) =>
    fetch(`http://127.0.0.1:${ports[0]}${p}`, { headers: { cookie: `next-auth.session-token=${token}`, "x-tenant-slug": "demo", "accept-encoding": "gzip" } });
  const query = (proc: string, input: unknown) => get(`/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  // fetch inflates the body and keeps Content-Encoding: the size is the uncompressed one.
  for (const [res, size] of [
    [await query("inventory.products", { pageSize: 1 }), "small"],
    [await query("inventory.products", { pageSize: 50 }), "large"],
  ] as const) {
    const bytes = (await res.arrayBuffer()).byteLength;
    expect(res.status).toBe(200);
    expect(bytes < 1024, `${size} answer of ${bytes} bytes`).toBe(size === "small");
    expect(res.headers.get("content-encoding")).toBe(size === "small" ? null : "gzip");
    expect(res.headers.get("cache-control")).toContain("no-store");
  }
  const page = await get("/ingresar");
  expect(page.status).toBe(200);
  expect(page.headers.get("content-encoding")).toBe("gzip");
});

test("sales rung on both instances at once get gapless ticket numbers on one register", async () => {
  const cashier = await userId(DEMO_USERS.cashier);
  const [a, b] = await Promise.all(ports.map((p) => trpc(p, cashier)));
  const [reg] = await admin<{ id: string; warehouse_id: string }[]>`
    select r.id, r.warehouse_id from registers r join tenants t on t.id = r.tenant_id and t.slug = 'demo'
    where not exists (select 1 from cash_sessions s where s.register_id = r.id and s.status = 'OPEN') order by r.name limit 1`;
  expect(reg, "a demo register without an open session").toBeDefined();
  const session = await a!.mutate<{ id: string }>("pos.openSession", { registerId: reg!.id, openingFloat: "0" });
  const products = await admin<{ id: string; price: string }[]>`
    select p.id, p.sale_price::text as price from products p join stock_levels l on l.tenant_id = p.tenant_id and l.product_id = p.id
    where l.warehouse_id = ${reg!.warehouse_id} and l.quantity >= 20 and p.active and not p.is_service order by p.sku limit 3`;
  expect(products.length).toBeGreaterThan(0);
  const sale = (i: number) => {
    const p = products[i % products.length]!;
    return {
      id: randomUUID(),
      registerId: reg!.id,
      cashSessionId: session.id,
      createdAt: new Date().toISOString(),
      lines: [{ productId: p.id, quantity: "1", unitPrice: p.price }],
      payments: [{ method: "CASH", amount: p.price }],
    };
  };
  const N = 12;
  const results = await Promise.all(Array.from({ length: N }, (_, i) => (i % 2 ? b! : a!).mutate<{ ticketNumber: number }>("pos.createSale", sale(i))));
  const tickets = results.map((r) => r.ticketNumber).sort((x, y) => x - y);
  expect(tickets).toEqual(Array.from({ length: N }, (_, i) => tickets[0]! + i));
  const rows = await admin<{ n: number }[]>`select ticket_number as n from sales where register_id = ${reg!.id} order by 1`;
  expect(rows.map((r) => r.n)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  expect(rows.length).toBe(N);
  await Promise.all([a!.ctx.dispose(), b!.ctx.dispose()]);
});

/** Signs in over next-auth's credentials endpoint; true when a session cookie came back. */
async function signIn(ctx: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  return (await ctx.storageState()).cookies.some((c) => c.name === "next-auth.session-token" && c.value.length > 0);
}

test("failed sign-ins counted on one instance slow the account down on the other", async () => {
  const ctxFor = (port: number, ip: string) => request.newContext({ baseURL: `http://127.0.0.1:${port}`, extraHTTPHeaders: { "x-forwarded-for": ip } });
  // Control: the right password works on the second instance.
  const ok = await ctxFor(ports[1]!, "198.51.100.1");
  expect(await signIn(ok, DEMO_USERS.supervisor, DEMO_PASSWORD)).toBe(true);
  // Three failures on the first instance (FREE_FAILURES), from one address…
  const onA = await ctxFor(ports[0]!, "198.51.100.2");
  for (let i = 0; i < 3; i++) expect(await signIn(onA, DEMO_USERS.manager, "wrong-password")).toBe(false);
  // …and the right password for that account on the second instance, from another address, waits.
  const onB = await ctxFor(ports[1]!, "198.51.100.3");
  expect(await signIn(onB, DEMO_USERS.manager, DEMO_PASSWORD)).toBe(false);
  const [row] = await admin<{ failures: number; waiting: boolean }[]>`
    select failures, locked_until > now() as waiting from login_attempts where key = ${"email:" + DEMO_USERS.manager}`;
  expect(row).toMatchObject({ waiting: true });
  expect(row!.failures).toBeGreaterThanOrEqual(3);
  await Promise.all([ok.dispose(), onA.dispose(), onB.dispose()]);
});

test("the public price checker's per-minute limit is one budget across both instances", async () => {
  // 30 lookups a minute per address (allowPriceCheck): 20 on each instance, alternating, means
  // the 31st overall is refused wherever it lands; with a per-process counter neither would be.
  const [code] = await admin<{ barcode: string }[]>`
    select b.barcode from product_barcodes b join tenants t on t.id = b.tenant_id and t.slug = 'demo' order by b.barcode limit 1`;
  expect(code, "a demo barcode").toBeDefined();
  await admin`delete from login_attempts where key like 'price:demo:%'`;
  const outcomes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const port = ports[i % 2]!;
    const html = await (await fetch(`http://127.0.0.1:${port}/precio/demo?codigo=${encodeURIComponent(code!.barcode)}`)).text();
    outcomes.push(html.includes("Demasiadas consultas seguidas") ? "limited" : html.includes("Acercá el producto") ? "idle" : "answered");
  }
  expect(outcomes.slice(0, 30)).toEqual(Array(30).fill("answered"));
  expect(outcomes.slice(30)).toEqual(Array(10).fill("limited"));
});

test("billing batches issuing on both instances at once keep one point of sale's numbering gapless", async () => {
  const owner = await userId(DEMO_USERS.owner);
  const [a, b] = await Promise.all(ports.map((p) => trpc(p, owner)));
  // Ten consumers with an account, one pending charge each (Factura B on point of sale 1).
  const charges: string[] = [];
  for (let i = 0; i < 10; i++) {
    const c = await a!.mutate<{ id: string }>("customers.create", {
      docType: "DNI", docNumber: String(40_000_000 + i), name: `Cliente Lote ${i}`, ivaCondition: "CONSUMIDOR_FINAL",
      accountEnabled: true, creditLimit: "100000",
    });
    const charge = await (i % 2 ? b! : a!).mutate<{ chargeId: string }>("billing.addAccountCharge", {
      customerId: c.id, lines: [{ description: `Servicio ${i}`, quantity: "1", unitPrice: `${1000 + i}.50`, ivaRate: "21" }],
    });
    charges.push(charge.chargeId);
  }
  const issueDate = new Date().toLocaleDateString("sv-SE", { timeZone: "America/Argentina/Buenos_Aires" });
  // Two batches, one per instance, started together: both runners issue on the same series.
  const batches = await Promise.all(
    [a!, b!].map((client, k) =>
      client.mutate<{ batchId: string }>("billing.createBatch", { id: randomUUID(), pointOfSale: 1, issueDate, chargeIds: charges.filter((_, i) => i % 2 === k) }),
    ),
  );
  type Batch = { batch: { status: string; issued: number; errors: number }; documents: { number: number | null; cae: string | null }[] };
  const read = () => Promise.all(batches.map((bt, k) => [a!, b!][k]!.query<Batch>("billing.batch", { id: bt.batchId })));
  await expect.poll(async () => (await read()).map((r) => r.batch.status), { timeout: 120_000 }).toEqual(["PROCESSED", "PROCESSED"]);
  const ours = (await read()).flatMap((r) => r.documents);
  expect(ours).toHaveLength(10);
  expect(ours.every((d) => d.number && d.cae)).toBe(true);
  // The whole series (Factura B, point of sale 1), whoever issued on it: every number once, no gap.
  const docs = await admin<{ number: number; status: string }[]>`
    select f.number::int as number, f.status from fiscal_documents f join tenants t on t.id = f.tenant_id and t.slug = 'demo'
    where f.point_of_sale = 1 and f.cbte_tipo = 6 and f.number is not null order by f.number`;
  expect(docs.map((d) => d.number)).toEqual(Array.from({ length: docs.length }, (_, i) => i + 1));
  expect(docs.every((d) => d.status === "ISSUED")).toBe(true);
  expect(new Set(ours.map((d) => d.number)).size).toBe(10);
  await Promise.all([a!.ctx.dispose(), b!.ctx.dispose()]);
});
