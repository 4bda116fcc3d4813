import { ProductsPage } from "@/components/inventory/products-page";
import { PRODUCTS_FIRST_VIEW } from "@/components/inventory/products-query";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Inventario" };

// The first view (page 1 of the products, the filters' categories and families) is rendered on
// the server and handed to the client's cache: no skeleton-to-table shift, no fetch after load.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return withPrefetch(
    slug,
    (t) => [t.inventory.products.prefetch(PRODUCTS_FIRST_VIEW), t.inventory.categories.prefetch(), t.inventory.families.prefetch()],
    <ProductsPage />,
  );
}
