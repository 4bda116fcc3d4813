CREATE TABLE "product_name_trigrams" (
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"trigram" text NOT NULL,
	CONSTRAINT "product_name_trigrams_tenant_id_product_id_trigram_pk" PRIMARY KEY("tenant_id","product_id","trigram")
);
--> statement-breakpoint
ALTER TABLE "product_name_trigrams" ADD CONSTRAINT "product_name_trigrams_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_name_trigrams" ADD CONSTRAINT "product_name_trigrams_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_name_trigrams_lookup_idx" ON "product_name_trigrams" USING btree ("tenant_id","trigram");--> statement-breakpoint
CREATE INDEX "products_sku_idx" ON "products" USING btree ("tenant_id","sku");