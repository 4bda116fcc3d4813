ALTER TABLE "product_barcodes" DROP CONSTRAINT "product_barcodes_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "supplier_products" DROP CONSTRAINT "supplier_products_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "product_price_history" DROP CONSTRAINT "product_price_history_tenant_id_tenants_id_fk";
