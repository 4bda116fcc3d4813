ALTER TABLE "product_name_trigrams" DROP CONSTRAINT "product_name_trigrams_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "product_name_trigrams" DROP CONSTRAINT "product_name_trigrams_product_fk";
--> statement-breakpoint
ALTER TABLE "product_name_search" DROP CONSTRAINT "product_name_search_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "product_name_search" DROP CONSTRAINT "product_name_search_product_fk";
