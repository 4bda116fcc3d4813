import { randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import { z } from "zod";
import { cuitCheckDigit } from "../lib/cuit";
import { DEMO, seedDemo, type DemoBusiness } from "../server/seed/demo";
import { demoSeeders } from "../server/seed/all";
import { ZSlug } from "../server/tenancy/create-tenant";

// A copy of the demo business for one e2e spec: the same catalog, lots, registers, customers,
// fiscal settings (on the fake ARCA) and suppliers the demo seed creates through the domain
// services, under its own slug, CUIT and e-mails, so specs that open registers, sell or count
// stock never see each other's changes and can run in parallel. The e2e server
// (scripts/e2e-server.ts) serves `seedBusiness` on a loopback port; e2e/business.ts calls it.

/** What a spec gets back: where the business lives and who can sign in to it. */
export type SeededBusiness = {
  tenantId: string;
  slug: string;
  businessName: string;
  cuit: string;
  password: string;
  users: { owner: string; manager: string; supervisor: string; cashier: string };
};

const ROLE_KEY = { OWNER: "owner", MANAGER: "manager", SUPERVISOR: "supervisor", CASHIER: "cashier" } as const;

/** A company CUIT (prefix 30) with a valid check digit, random enough to be this business's alone. */
export function randomCuit(): string {
  for (;;) {
    const body = `30${String(randomInt(10_000_000, 100_000_000))}`;
    const check = cuitCheckDigit(body);
    if (check !== null) return body + String(check);
  }
}

/** The demo's users under this slug's own e-mail domain (users are global; e-mails unique). */
export function businessFor(slug: string): DemoBusiness & { cuit: string } {
  return {
    slug,
    businessName: `Hotel ${slug}`,
    password: DEMO.password,
    users: DEMO.users.map((u) => ({ ...u, email: `${u.email.split("@")[0]}@${slug}.e2e.test` })),
    cuit: randomCuit(),
  };
}

/** Seeds a fresh copy of the demo business under `slug` (refused if the slug is taken). */
export async function seedBusiness(slugRaw: string): Promise<SeededBusiness> {
  const slug = ZSlug.parse(slugRaw);
  const business = businessFor(slug);
  const { tenantId, created } = await seedDemo(demoSeeders, business);
  if (!created) throw new Error(`La dirección ${slug} ya existe: cada spec siembra un negocio nuevo`);
  const users = Object.fromEntries(business.users.map((u) => [ROLE_KEY[u.role as keyof typeof ROLE_KEY], u.email])) as SeededBusiness["users"];
  return { tenantId, slug, businessName: business.businessName, cuit: business.cuit, password: business.password, users };
}

const ZSeedRequest = z.object({ slug: z.string().max(40) });

/**
 * The loopback-only seeding endpoint (POST / with {"slug"}) the e2e server runs next to the app.
 * It is not part of the app: production never starts it.
 */
export function startSeedServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
      if (body.length > 1_000) req.destroy();
    });
    req.on("end", async () => {
      try {
        const { slug } = ZSeedRequest.parse(JSON.parse(body));
        const seeded = await seedBusiness(slug);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(seeded));
      } catch (e) {
        res.writeHead(400, { "content-type": "text/plain" }).end(e instanceof Error ? e.message : String(e));
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      resolve({ url: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`, server });
    });
  });
}
