CREATE TYPE "public"."pos_cash_movement_type" AS ENUM('SALE', 'MANUAL_IN', 'MANUAL_OUT', 'VOID');--> statement-breakpoint
CREATE TYPE "public"."pos_cash_session_status" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."pos_closing_review" AS ENUM('NOT_REQUIRED', 'PENDING', 'JUSTIFIED');--> statement-breakpoint
CREATE TYPE "public"."pos_customer_doc_type" AS ENUM('CUIT', 'CUIL', 'DNI', 'PASSPORT');--> statement-breakpoint
CREATE TYPE "public"."pos_deviation_class" AS ENUM('NORMAL', 'WARNING', 'CRITICAL');--> statement-breakpoint
CREATE TYPE "public"."pos_iva_condition" AS ENUM('RESPONSABLE_INSCRIPTO', 'MONOTRIBUTO', 'EXENTO', 'CONSUMIDOR_FINAL', 'NO_CATEGORIZADO');--> statement-breakpoint
CREATE TYPE "public"."pos_payment_method" AS ENUM('CASH', 'DEBIT', 'CREDIT', 'TRANSFER');--> statement-breakpoint
CREATE TYPE "public"."pos_sale_fiscal_status" AS ENUM('NOT_REQUIRED', 'PENDING', 'ISSUED', 'CREDIT_NOTE_PENDING', 'CREDIT_NOTE_ISSUED');--> statement-breakpoint
CREATE TYPE "public"."pos_sale_mode" AS ENUM('ONLINE', 'OFFLINE');--> statement-breakpoint
CREATE TYPE "public"."pos_sale_status" AS ENUM('COMPLETED', 'VOIDED');--> statement-breakpoint
CREATE TYPE "public"."pos_stock_conflict_status" AS ENUM('OPEN', 'RESOLVED');--> statement-breakpoint
CREATE TABLE "cash_movements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cash_session_id" uuid NOT NULL,
	"type" "pos_cash_movement_type" NOT NULL,
	"method" "pos_payment_method" NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"reason" text,
	"sale_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cash_session_closing_lines" (
	"tenant_id" uuid NOT NULL,
	"cash_session_id" uuid NOT NULL,
	"method" "pos_payment_method" NOT NULL,
	"declared" numeric(14, 2) NOT NULL,
	"expected" numeric(14, 2) NOT NULL,
	"deviation" numeric(14, 2) NOT NULL,
	"deviation_pct" numeric(12, 4) NOT NULL,
	"deviation_class" "pos_deviation_class" NOT NULL,
	CONSTRAINT "cash_session_closing_lines_tenant_id_cash_session_id_method_pk" PRIMARY KEY("tenant_id","cash_session_id","method")
);
--> statement-breakpoint
CREATE TABLE "cash_session_closings" (
	"tenant_id" uuid NOT NULL,
	"cash_session_id" uuid NOT NULL,
	"declared_total" numeric(14, 2) NOT NULL,
	"expected_total" numeric(14, 2) NOT NULL,
	"deviation" numeric(14, 2) NOT NULL,
	"deviation_pct" numeric(12, 4) NOT NULL,
	"deviation_class" "pos_deviation_class" NOT NULL,
	"review" "pos_closing_review" NOT NULL,
	"justification" text,
	"justified_by" uuid,
	"justified_at" timestamp with time zone,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_session_closings_tenant_id_cash_session_id_pk" PRIMARY KEY("tenant_id","cash_session_id")
);
--> statement-breakpoint
CREATE TABLE "cash_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"register_id" uuid NOT NULL,
	"status" "pos_cash_session_status" DEFAULT 'OPEN' NOT NULL,
	"opening_float" numeric(14, 2) NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cash_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"doc_type" "pos_customer_doc_type" NOT NULL,
	"doc_number" text NOT NULL,
	"name" text NOT NULL,
	"iva_condition" "pos_iva_condition" NOT NULL,
	"address" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "register_ticket_counters" (
	"tenant_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "register_ticket_counters_tenant_id_register_id_pk" PRIMARY KEY("tenant_id","register_id")
);
--> statement-breakpoint
CREATE TABLE "sale_lines" (
	"tenant_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" numeric(14, 4) NOT NULL,
	"discount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"iva_rate" numeric(5, 2) DEFAULT '21' NOT NULL,
	"cost_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"lots" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shortfall" numeric(14, 3) DEFAULT '0' NOT NULL,
	CONSTRAINT "sale_lines_tenant_id_sale_id_line_no_pk" PRIMARY KEY("tenant_id","sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "sale_payments" (
	"tenant_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"method" "pos_payment_method" NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"applied" numeric(14, 2) NOT NULL,
	CONSTRAINT "sale_payments_tenant_id_sale_id_line_no_pk" PRIMARY KEY("tenant_id","sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"cash_session_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"ticket_number" integer NOT NULL,
	"customer_id" uuid,
	"cashier_id" uuid NOT NULL,
	"mode" "pos_sale_mode" DEFAULT 'ONLINE' NOT NULL,
	"status" "pos_sale_status" DEFAULT 'COMPLETED' NOT NULL,
	"subtotal" numeric(14, 2) NOT NULL,
	"discount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"paid" numeric(14, 2) NOT NULL,
	"change" numeric(14, 2) DEFAULT '0' NOT NULL,
	"cost_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"stock_conflict" boolean DEFAULT false NOT NULL,
	"fiscal_status" "pos_sale_fiscal_status" DEFAULT 'NOT_REQUIRED' NOT NULL,
	"fiscal_document_id" uuid,
	"credit_note_document_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_authorized_by" uuid,
	"void_reason" text,
	CONSTRAINT "sales_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_conflicts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"requested" numeric(14, 3) NOT NULL,
	"shortfall" numeric(14, 3) NOT NULL,
	"status" "pos_stock_conflict_status" DEFAULT 'OPEN' NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_conflicts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registers" ADD COLUMN "fiscal_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_tenant_id_cash_session_id_cash_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cash_session_id") REFERENCES "public"."cash_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_session_closing_lines" ADD CONSTRAINT "cash_session_closing_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_session_closing_lines" ADD CONSTRAINT "cash_session_closing_lines_tenant_id_cash_session_id_cash_session_closings_tenant_id_cash_session_id_fk" FOREIGN KEY ("tenant_id","cash_session_id") REFERENCES "public"."cash_session_closings"("tenant_id","cash_session_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_session_closings" ADD CONSTRAINT "cash_session_closings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_session_closings" ADD CONSTRAINT "cash_session_closings_justified_by_users_id_fk" FOREIGN KEY ("justified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_session_closings" ADD CONSTRAINT "cash_session_closings_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_session_closings" ADD CONSTRAINT "cash_session_closings_tenant_id_cash_session_id_cash_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cash_session_id") REFERENCES "public"."cash_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD CONSTRAINT "cash_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD CONSTRAINT "cash_sessions_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD CONSTRAINT "cash_sessions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD CONSTRAINT "cash_sessions_tenant_id_register_id_registers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","register_id") REFERENCES "public"."registers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_ticket_counters" ADD CONSTRAINT "register_ticket_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_ticket_counters" ADD CONSTRAINT "register_ticket_counters_tenant_id_register_id_registers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","register_id") REFERENCES "public"."registers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_tenant_id_sale_id_sales_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sale_id") REFERENCES "public"."sales"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_payments" ADD CONSTRAINT "sale_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_payments" ADD CONSTRAINT "sale_payments_tenant_id_sale_id_sales_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sale_id") REFERENCES "public"."sales"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_cashier_id_users_id_fk" FOREIGN KEY ("cashier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_void_authorized_by_users_id_fk" FOREIGN KEY ("void_authorized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_tenant_id_register_id_registers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","register_id") REFERENCES "public"."registers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_tenant_id_cash_session_id_cash_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cash_session_id") REFERENCES "public"."cash_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_tenant_id_warehouse_id_warehouses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "public"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_conflicts" ADD CONSTRAINT "stock_conflicts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_conflicts" ADD CONSTRAINT "stock_conflicts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_conflicts" ADD CONSTRAINT "stock_conflicts_tenant_id_sale_id_line_no_sale_lines_tenant_id_sale_id_line_no_fk" FOREIGN KEY ("tenant_id","sale_id","line_no") REFERENCES "public"."sale_lines"("tenant_id","sale_id","line_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_conflicts" ADD CONSTRAINT "stock_conflicts_tenant_id_warehouse_id_warehouses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "public"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_conflicts" ADD CONSTRAINT "stock_conflicts_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cash_movements_session_idx" ON "cash_movements" USING btree ("tenant_id","cash_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_sessions_one_open_key" ON "cash_sessions" USING btree ("tenant_id","register_id") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "cash_sessions_register_idx" ON "cash_sessions" USING btree ("tenant_id","register_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_doc_key" ON "customers" USING btree ("tenant_id","doc_type","doc_number");--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sale_lines_product_idx" ON "sale_lines" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_ticket_key" ON "sales" USING btree ("tenant_id","register_id","ticket_number");--> statement-breakpoint
CREATE INDEX "sales_session_idx" ON "sales" USING btree ("tenant_id","cash_session_id");--> statement-breakpoint
CREATE INDEX "sales_created_idx" ON "sales" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_conflicts_status_idx" ON "stock_conflicts" USING btree ("tenant_id","status","created_at");