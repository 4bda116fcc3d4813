CREATE TABLE "report_daily_payments" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"register_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"method" "pos_payment_method" NOT NULL,
	"payments" integer DEFAULT 0 NOT NULL,
	"amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "report_daily_payments_tenant_id_day_register_id_cashier_id_method_pk" PRIMARY KEY("tenant_id","day","register_id","cashier_id","method")
);
--> statement-breakpoint
CREATE TABLE "report_daily_sales" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"register_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
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
	CONSTRAINT "report_daily_sales_tenant_id_day_register_id_cashier_id_product_id_pk" PRIMARY KEY("tenant_id","day","register_id","cashier_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "report_daily_tickets" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"register_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	"offline_tickets" integer DEFAULT 0 NOT NULL,
	"gross" numeric(14, 2) DEFAULT '0' NOT NULL,
	"discount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"net" numeric(14, 2) DEFAULT '0' NOT NULL,
	"tax" numeric(14, 2) DEFAULT '0' NOT NULL,
	"cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_tickets" integer DEFAULT 0 NOT NULL,
	"void_gross" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_discount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_net" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_tax" numeric(14, 2) DEFAULT '0' NOT NULL,
	"void_cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "report_daily_tickets_tenant_id_day_hour_register_id_cashier_id_pk" PRIMARY KEY("tenant_id","day","hour","register_id","cashier_id")
);
--> statement-breakpoint
ALTER TABLE "report_daily_payments" ADD CONSTRAINT "report_daily_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_daily_sales" ADD CONSTRAINT "report_daily_sales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_daily_tickets" ADD CONSTRAINT "report_daily_tickets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_daily_sales_product_idx" ON "report_daily_sales" USING btree ("tenant_id","product_id","day");