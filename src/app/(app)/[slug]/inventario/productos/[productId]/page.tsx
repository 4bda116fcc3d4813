import { ProductDetail } from "@/components/inventory/product-detail";

export const metadata = { title: "Producto" };

export default async function Page({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  return <ProductDetail productId={productId} />;
}
