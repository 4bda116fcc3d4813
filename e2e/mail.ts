import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { expect, type Page } from "@playwright/test";

// E-mails the e2e server "sent": read from its outbox (the production build has no /dev/correo
// page), through the embedded PostgreSQL that scripts/e2e-server.ts started for this port.

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const port = process.env.E2E_PORT ?? "3210";
  const pid = readFileSync(path.resolve(process.cwd(), `.data/pg-e2e-${port}/postmaster.pid`), "utf8").split("\n");
  return `postgres://postgres:postgres@127.0.0.1:${pid[3]!.trim()}/mostrador`;
}

/** The latest e-mail to `to` whose body has a link under `pathPrefix`; waits for it to arrive. */
export async function linkMailedTo(to: string, pathPrefix: string): Promise<string> {
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    let link = "";
    await expect
      .poll(async () => {
        const rows = await sql<{ body: string }[]>`select body from outbox_messages where to_email = ${to.toLowerCase()} order by created_at desc limit 5`;
        const re = new RegExp(`https?://[^\\s]+(${pathPrefix.replace(/\//g, "\\/")}[^\\s]+)`);
        link = rows.map((r) => re.exec(r.body)?.[1]).find(Boolean) ?? "";
        return link;
      })
      .not.toBe("");
    return link;
  } finally {
    await sql.end();
  }
}

/** Signs a business up the real way: the form, the e-mailed link, the password chosen there; ends inside the business. */
export async function signUpBusiness(
  page: Page,
  b: { business: string; kind: "HOTEL" | "RESTAURANT" | "RETAIL"; slug: string; owner: string; email: string; password: string },
) {
  await page.goto("/registro");
  await page.getByLabel("Nombre del negocio").fill(b.business);
  await page.getByLabel("Tipo de negocio").selectOption(b.kind);
  await page.getByLabel("Dirección en Mostrador").fill(b.slug);
  await page.getByLabel("Tu nombre").fill(b.owner);
  await page.getByLabel("E-mail").fill(b.email);
  await page.getByRole("button", { name: "Crear mi negocio" }).click();
  await expect(page.getByText(/Te enviamos un correo a/)).toBeVisible();
  await page.goto(await linkMailedTo(b.email, "/registro/"));
  await page.getByLabel("Elegí tu contraseña").fill(b.password);
  await page.getByRole("button", { name: "Confirmar y crear mi negocio" }).click();
  await expect(page).toHaveURL(new RegExp(`/${b.slug}$`));
}
