CREATE TABLE "customer_name_search" (
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"trigram" text NOT NULL,
	"name_key" text NOT NULL,
	CONSTRAINT "customer_name_search_tenant_id_customer_id_trigram_pk" PRIMARY KEY("tenant_id","customer_id","trigram")
);
--> statement-breakpoint
CREATE TABLE "product_name_search" (
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"trigram" text NOT NULL,
	"name_key" text NOT NULL,
	CONSTRAINT "product_name_search_tenant_id_product_id_trigram_pk" PRIMARY KEY("tenant_id","product_id","trigram")
);
--> statement-breakpoint
ALTER TABLE "customer_name_search" ADD CONSTRAINT "customer_name_search_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_name_search" ADD CONSTRAINT "customer_name_search_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_name_search" ADD CONSTRAINT "product_name_search_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_name_search" ADD CONSTRAINT "product_name_search_product_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_name_search_scan_idx" ON "customer_name_search" USING btree ("tenant_id","trigram","name_key","customer_id");--> statement-breakpoint
CREATE INDEX "product_name_search_scan_idx" ON "product_name_search" USING btree ("tenant_id","trigram","name_key","product_id");