import { readFileSync } from "node:fs";
import { createTestCa, issueTestCertificate, signCsr } from "../src/server/afip/fake/certs";
import { withTenantDb } from "./offline-db";
import { login, uniqueSlug } from "./fixtures";
import { signUpBusiness } from "./mail";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

// A generated CA stands in for ARCA's: it signs the CSR the owner downloads.
const ca = createTestCa("ARCA de prueba (e2e)");

function validCuit(prefix = "30"): string {
  for (;;) {
    const body = `${prefix}${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`;
    const s = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * Number(body[i]), 0);
    const m = 11 - (s % 11);
    if (m !== 10) return `${body}${m === 11 ? 0 : m}`;
  }
}

test("the owner of a new business onboards to ARCA without openssl: key + CSR here, certificate back, mismatch refused", async ({ page }) => {
  const slug = uniqueSlug("kiosco");
  const cuit = validCuit();
  await signUpBusiness(page, { business: "Kiosco Onboarding", kind: "RETAIL", slug, owner: "Dueña", email: `${slug}@e2e.test`, password: "clave-segura-1" });

  await page.goto(`/${slug}/fiscal/configuracion`);
  await page.getByRole("textbox", { name: /^CUIT/ }).fill(cuit);
  await page.getByRole("textbox", { name: "Razón social" }).fill("Kiosco Onboarding SRL");
  await page.getByLabel("Entorno de ARCA (ex AFIP)").selectOption("HOMOLOGATION");
  await page.getByRole("button", { name: "Guardar datos" }).click();
  await expect(page.getByText("Guardado.")).toBeVisible();

  await page.getByRole("button", { name: "Generar clave y pedido" }).click();
  const downloadButton = page.getByRole("button", { name: "Descargar pedido (.csr)" });
  await expect(downloadButton).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), downloadButton.click()]);
  expect(download.suggestedFilename()).toBe(`mostrador-${cuit}.csr`);
  const csrPem = readFileSync((await download.path())!, "utf8");
  expect(csrPem).toContain("BEGIN CERTIFICATE REQUEST");
  expect(await page.content()).not.toContain("PRIVATE KEY");

  // A certificate for the same CUIT but another key is refused with a clear message.
  const certInput = page.getByLabel("Certificado (.crt / .pem)");
  const other = issueTestCertificate(ca, { cuit });
  await certInput.setInputFiles({ name: "otro.crt", mimeType: "application/x-x509-ca-cert", buffer: Buffer.from(other.certPem) });
  await page.getByRole("button", { name: "Subir certificado" }).click();
  await expect(page.getByText(/^El certificado no corresponde a la clave del último pedido \(CSR\)/)).toBeVisible();

  // The one ARCA returns for our CSR is accepted; its expiry is shown.
  await certInput.setInputFiles({ name: "mostrador.crt", mimeType: "application/x-x509-ca-cert", buffer: Buffer.from(signCsr(ca, csrPem, { validDays: 730 })) });
  await page.getByRole("button", { name: "Subir certificado" }).click();
  await expect(page.getByText(/Certificado aceptado: corresponde a la clave y al CUIT\. Vence el \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByText(new RegExp(`Certificado cargado para el CUIT ${cuit}`))).toBeVisible();
});

test("during an ARCA outage a cashier keeps selling on the fiscal register and prints a CAEA ticket", async ({ page, browser }) => {
  // The outage: ARCA has not answered Caja 3's CAE requests for two hours (what issuance records),
  // and the business holds the CAEA of the current fortnight (what the daily job obtains).
  await withTenantDb(biz.slug, async (tx) => {
    const rows = await tx<{ today: string }[]>`select to_char(now() at time zone 'America/Argentina/Buenos_Aires', 'YYYY-MM-DD') as today`;
    const today = rows[0]!.today;
    const day = Number(today.slice(8, 10));
    const fortnight = day <= 15 ? 1 : 2;
    await tx`
      insert into fiscal_caeas (tenant_id, environment, cuit, period, fortnight, caea, valid_from, valid_to, report_deadline)
      select s.tenant_id, s.environment, s.cuit, ${Number(today.slice(0, 7).replace("-", ""))}, ${fortnight}, '31234567890123',
             case when ${fortnight} = 1 then date_trunc('month', ${today}::date)::date else date_trunc('month', ${today}::date)::date + 15 end,
             case when ${fortnight} = 1 then date_trunc('month', ${today}::date)::date + 14 else (date_trunc('month', ${today}::date) + interval '1 month - 1 day')::date end,
             (case when ${fortnight} = 1 then date_trunc('month', ${today}::date)::date + 14 else (date_trunc('month', ${today}::date) + interval '1 month - 1 day')::date end) + 8
      from fiscal_settings s where s.tenant_id = current_setting('app.current_tenant')::uuid
      on conflict do nothing`;
    await tx`
      insert into fiscal_register_contingency (tenant_id, register_id, unavailable_since)
      select r.tenant_id, r.id, now() - interval '2 hours' from registers r where r.tenant_id = current_setting('app.current_tenant')::uuid and r.name = 'Caja 3 · Factura electrónica'
      on conflict (tenant_id, register_id) do update set unavailable_since = excluded.unavailable_since, mode = 'OFF'`;
  });
  try {
    await login(page, biz.users.cashier, undefined, `/${biz.slug}/pos`);
    // The option reads "… (abierta)" once a session is open on it.
    const caja = page.getByLabel("Caja", { exact: true });
    await caja.selectOption((await caja.locator("option", { hasText: "Caja 3 · Factura electrónica" }).getAttribute("value"))!);
    const openButton = page.getByRole("button", { name: "Abrir caja" });
    await expect(openButton.or(page.getByLabel("Código de barras o nombre"))).toBeVisible();
    if (await openButton.isVisible()) {
      await page.getByLabel(/Fondo inicial/).fill("5000");
      await openButton.click();
    }
    const input = page.getByLabel("Código de barras o nombre");
    await input.fill("7790895000997"); // gaseosa cola, $ 1.900 in the demo catalog (copied into this business)
    await input.press("Enter");
    await expect(page.getByTestId("pos-total")).toHaveText(/1\.900,00/);
    await page.keyboard.press("F9");
    const dialog = page.getByRole("dialog", { name: "Cobrar" });
    await dialog.getByLabel("Importe Efectivo").fill("2000");
    await dialog.getByRole("button", { name: /Confirmar venta/ }).click();
    await expect(page.getByText(/Venta registrada: ticket N° \d+/)).toBeVisible();

    // The invoice was numbered at once under the contingency point of sale 93. Cashiers do not
    // list fiscal documents (SPEC §2): the owner looks. The terminal may hand the sale to its sync
    // queue first: reload until the document is listed.
    const owner = await (await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires" })).newPage();
    await login(owner, biz.users.owner, undefined, `/${biz.slug}/fiscal`);
    const link = owner.getByRole("link", { name: /^Factura B 0093-\d{8}$/ }).first();
    await expect(async () => {
      await owner.goto(`/${biz.slug}/fiscal`);
      await expect(link).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 40_000 });
    await link.click();
    await expect(owner.getByText("CAEA N°:")).toBeVisible();
    await expect(owner.getByText("31234567890123")).toBeVisible();
    await expect(owner.getByText(/Emitido en contingencia \(CAEA\)/)).toBeVisible();
    const href = await owner.getByRole("link", { name: "Código QR de ARCA (ex AFIP)" }).getAttribute("href");
    const qr = JSON.parse(Buffer.from(href!.split("?p=")[1]!, "base64").toString("utf8"));
    expect(qr).toMatchObject({ ptoVta: 93, tipoCmp: 6, tipoCodAut: "A", codAut: 31234567890123, importe: 1900 });
    await expect(owner.getByRole("button", { name: "Imprimir" })).toBeEnabled();
  } finally {
    // Leave Caja 3 back on CAE (this business's; the superuser connection sees every tenant).
    await withTenantDb(biz.slug, (tx) => tx`delete from fiscal_register_contingency where tenant_id = current_setting('app.current_tenant')::uuid`);
  }
});
