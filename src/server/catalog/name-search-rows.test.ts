import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { adminSql, makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";

// The two name-search side tables (product_name_search, product_name_trigrams) are derived rows
// with no foreign keys: the products triggers alone keep them right. Checked through each change.
const admin = adminSql();
afterAll(() => admin.end());

async function rows(tenantId: string, productId: string) {
  const [r] = await withTenant(tenantId, (tx) =>
    tx.execute<{ search: string[]; trigrams: string[] }>(sql`
      select coalesce((select array_agg(trigram order by trigram) from product_name_search where product_id = ${productId}), '{}') as search,
             coalesce((select array_agg(trigram order by trigram) from product_name_trigrams where product_id = ${productId}), '{}') as trigrams`),
  );
  return r!;
}

describe("name-search rows follow their product", () => {
  it("on create, rename, a price change (untouched), deactivation and deletion", async () => {
    const { tenantId } = await makeTenant();
    const id = await makeProduct(tenantId, { name: "Yerba" });
    expect(await rows(tenantId, id)).toEqual({ search: ["erb", "rba", "yer"], trigrams: ["erb", "rba", "yer"] });

    await withTenant(tenantId, (tx) => tx.execute(sql`update products set name = 'Café' where id = ${id}`));
    expect(await rows(tenantId, id)).toEqual({ search: ["afé", "caf"], trigrams: ["afé", "caf"] });

    // A bulk price update renames nothing: the rows stay as they are.
    await withTenant(tenantId, (tx) => tx.execute(sql`update products set sale_price = 250 where id = ${id}`));
    expect(await rows(tenantId, id)).toEqual({ search: ["afé", "caf"], trigrams: ["afé", "caf"] });

    // Inactive products leave the fast search (the trigram table keeps every product).
    await withTenant(tenantId, (tx) => tx.execute(sql`update products set active = false where id = ${id}`));
    expect(await rows(tenantId, id)).toEqual({ search: [], trigrams: ["afé", "caf"] });
    await withTenant(tenantId, (tx) => tx.execute(sql`update products set active = true where id = ${id}`));
    expect(await rows(tenantId, id)).toEqual({ search: ["afé", "caf"], trigrams: ["afé", "caf"] });

    // The app never deletes products; a deletion by hand takes its rows with it.
    await admin.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${tenantId}, true)`;
      await tx`delete from product_price_history where product_id = ${id}`;
      await tx`delete from products where tenant_id = ${tenantId} and id = ${id}`;
    });
    expect(await rows(tenantId, id)).toEqual({ search: [], trigrams: [] });
  });

  it("on a bulk insert (one statement, one split of each name): every product in the trigram table, the active ones in the fast search", async () => {
    const { tenantId } = await makeTenant();
    const ids = await withTenant(tenantId, (tx) =>
      tx.execute<{ id: string }>(sql`
        insert into products (sku, name, active) values ('A-1', 'Té verde', true), ('A-2', 'Mate cocido', false), ('A-3', 'Ok', true)
        returning id`),
    );
    const [verde, mate, ok] = ids.map((r) => r.id);
    expect(await rows(tenantId, verde!)).toEqual({ search: ["ver", "erd", "rde"].sort(), trigrams: ["ver", "erd", "rde"].sort() });
    expect(await rows(tenantId, mate!)).toEqual({ search: [], trigrams: ["ate", "cid", "coc", "ido", "mat", "oci"] });
    expect(await rows(tenantId, ok!)).toEqual({ search: [], trigrams: [] });
  });
});
