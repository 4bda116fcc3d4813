CREATE TYPE "public"."count_line_status" AS ENUM('PENDING', 'RECOUNT', 'APPLIED', 'SKIPPED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."count_status" AS ENUM('OPEN', 'COUNTING', 'REVIEW', 'APPLIED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."count_uncounted" AS ENUM('ZERO', 'KEEP');--> statement-breakpoint
CREATE TABLE "count_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_key" text DEFAULT '' NOT NULL,
	"zone_id" uuid,
	"round" integer DEFAULT 0 NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"user_id" uuid NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"ledger_seq" bigint NOT NULL,
	"system_qty" numeric(14, 3) NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	CONSTRAINT "count_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "count_entries_quantity_ck" CHECK ("count_entries"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "count_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"count_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_key" text DEFAULT '' NOT NULL,
	"status" "count_line_status" DEFAULT 'PENDING' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"recount_requested_by" uuid,
	"recount_assigned_to" uuid,
	"uncounted" "count_uncounted",
	"decided_by" uuid,
	"counted_qty" numeric(14, 3),
	"expected_qty" numeric(14, 3),
	"variance_qty" numeric(14, 3),
	"variance_cost" numeric(14, 2),
	"unit_cost" numeric(14, 4),
	"operation_id" uuid,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "count_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "count_products" (
	"tenant_id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "count_products_tenant_id_count_id_product_id_pk" PRIMARY KEY("tenant_id","count_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "count_zones" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"count_id" uuid NOT NULL,
	"name" text NOT NULL,
	"assigned_user_id" uuid,
	CONSTRAINT "count_zones_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "counts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" "count_status" DEFAULT 'OPEN' NOT NULL,
	"category_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"by_product_list" boolean DEFAULT false NOT NULL,
	"threshold_pct" numeric(7, 2),
	"threshold_money" numeric(14, 2),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"review_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "counts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "counts_threshold_ck" CHECK (coalesce("counts"."threshold_pct", 0) >= 0 and coalesce("counts"."threshold_money", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_tenant_id_count_id_counts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","count_id") REFERENCES "public"."counts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_tenant_id_zone_id_count_zones_tenant_id_id_fk" FOREIGN KEY ("tenant_id","zone_id") REFERENCES "public"."count_zones"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_recount_requested_by_users_id_fk" FOREIGN KEY ("recount_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_recount_assigned_to_users_id_fk" FOREIGN KEY ("recount_assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_tenant_id_count_id_counts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","count_id") REFERENCES "public"."counts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_lines" ADD CONSTRAINT "count_lines_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_products" ADD CONSTRAINT "count_products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_products" ADD CONSTRAINT "count_products_tenant_id_count_id_counts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","count_id") REFERENCES "public"."counts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_products" ADD CONSTRAINT "count_products_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_zones" ADD CONSTRAINT "count_zones_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_zones" ADD CONSTRAINT "count_zones_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_zones" ADD CONSTRAINT "count_zones_tenant_id_count_id_counts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","count_id") REFERENCES "public"."counts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counts" ADD CONSTRAINT "counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counts" ADD CONSTRAINT "counts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counts" ADD CONSTRAINT "counts_tenant_id_warehouse_id_warehouses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "public"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "count_entries_line_idx" ON "count_entries" USING btree ("tenant_id","count_id","product_id","lot_key");--> statement-breakpoint
CREATE INDEX "count_entries_user_idx" ON "count_entries" USING btree ("tenant_id","count_id","user_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "count_lines_key" ON "count_lines" USING btree ("tenant_id","count_id","product_id","lot_key");--> statement-breakpoint
CREATE UNIQUE INDEX "count_zones_name_key" ON "count_zones" USING btree ("tenant_id","count_id","name");--> statement-breakpoint
CREATE INDEX "counts_created_idx" ON "counts" USING btree ("tenant_id","created_at");