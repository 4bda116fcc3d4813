CREATE TABLE "report_daily_products" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" numeric(14, 3) DEFAULT '0' NOT NULL,
	"gross" numeric(14, 2) DEFAULT '0' NOT NULL,
	"discount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"net" numeric(14, 2) DEFAULT '0' NOT NULL,
	"tax" numeric(14, 2) DEFAULT '0' NOT NULL,
	"cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_quantity" numeric(14, 3) DEFAULT '0' NOT NULL,
	"void_gross" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_discount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_net" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_tax" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "report_daily_products_tenant_id_day_product_id_pk" PRIMARY KEY("tenant_id","day","product_id")
);
--> statement-breakpoint
DROP TABLE "report_daily_sales" CASCADE;--> statement-breakpoint
ALTER TABLE "report_daily_products" ADD CONSTRAINT "report_daily_products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_daily_products_product_idx" ON "report_daily_products" USING btree ("tenant_id","product_id","day");