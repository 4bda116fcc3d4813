ALTER TABLE "categories" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "packs" ADD COLUMN "auto_unpack" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "product_families" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_one_default_key" ON "warehouses" USING btree ("tenant_id") WHERE "warehouses"."is_default";