// The products list's query input, shared by the page (which prefetches the first view on the
// server) and ProductsPage (which asks for it in the browser): the same input is the same
// query-cache entry, so the server's rows are the ones the table starts with.
export const PRODUCTS_PAGE_SIZE = 25;
export type ProductsSortKey = "name" | "sku" | "salePrice" | "stock" | "updatedAt";

export type ProductsFilters = { page: number; sort: ProductsSortKey; desc: boolean; search: string; categoryId: string; familyId: string; lowStock: boolean };

export const productsQueryInput = (f: ProductsFilters) => ({
  page: f.page,
  pageSize: PRODUCTS_PAGE_SIZE,
  sort: f.sort,
  desc: f.desc,
  search: f.search || undefined,
  categoryId: f.categoryId || undefined,
  familyId: f.familyId || undefined,
  lowStock: f.lowStock || undefined,
});

/** What the page shows first: page 1 by name, no filters. */
export const PRODUCTS_FIRST_VIEW = productsQueryInput({ page: 0, sort: "name", desc: false, search: "", categoryId: "", familyId: "", lowStock: false });
