CREATE TYPE "public"."billing_batch_status" AS ENUM('PENDING_PROCESSING', 'IN_PROCESS', 'PROCESSED', 'PROCESSED_WITH_ERRORS', 'ERROR', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."billing_document_status" AS ENUM('QUEUED', 'PROCESSING', 'ISSUED', 'ERROR', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."billing_charge_source" AS ENUM('ACCOUNT_SALE', 'ROOM_SALE', 'MANUAL');--> statement-breakpoint
CREATE TYPE "public"."billing_charge_status" AS ENUM('ON_FOLIO', 'PENDING', 'INVOICING', 'INVOICED', 'PAID_AT_CHECKOUT', 'CANCELLED', 'VOIDED');--> statement-breakpoint
CREATE TYPE "public"."billing_collection_method" AS ENUM('CASH', 'TRANSFER', 'DEBIT', 'CREDIT', 'CHECK');--> statement-breakpoint
CREATE TYPE "public"."billing_folio_status" AS ENUM('OPEN', 'CLOSED_PAID', 'CLOSED_ACCOUNT');--> statement-breakpoint
CREATE TABLE "billing_batches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "billing_batch_status" DEFAULT 'PENDING_PROCESSING' NOT NULL,
	"point_of_sale" integer NOT NULL,
	"issue_date" date NOT NULL,
	"period_from" date,
	"period_to" date,
	"selection" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_documents" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "billing_batches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "billing_charges" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" "billing_charge_source" NOT NULL,
	"status" "billing_charge_status" NOT NULL,
	"customer_id" uuid,
	"folio_id" uuid,
	"sale_id" uuid,
	"description" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"charged_on" date NOT NULL,
	"reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone,
	"authorized_by" uuid,
	CONSTRAINT "billing_charges_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "billing_document_items" (
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"charge_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "billing_document_items_tenant_id_document_id_charge_id_pk" PRIMARY KEY("tenant_id","document_id","charge_id")
);
--> statement-breakpoint
CREATE TABLE "billing_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"fiscal_document_id" uuid NOT NULL,
	"status" "billing_document_status" DEFAULT 'QUEUED' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_collections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"method" "billing_collection_method" NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"reference" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_collections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "folios" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"room_number" text NOT NULL,
	"guest_name" text NOT NULL,
	"guest_doc_number" text,
	"check_in" date NOT NULL,
	"check_out" date NOT NULL,
	"customer_id" uuid,
	"status" "billing_folio_status" DEFAULT 'OPEN' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"checkout_document_id" uuid,
	CONSTRAINT "folios_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "account_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "credit_limit" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "payment_terms_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_batches" ADD CONSTRAINT "billing_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_batches" ADD CONSTRAINT "billing_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_authorized_by_users_id_fk" FOREIGN KEY ("authorized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_charges" ADD CONSTRAINT "billing_charges_tenant_id_folio_id_folios_tenant_id_id_fk" FOREIGN KEY ("tenant_id","folio_id") REFERENCES "public"."folios"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_document_items" ADD CONSTRAINT "billing_document_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_document_items" ADD CONSTRAINT "billing_document_items_tenant_id_document_id_billing_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."billing_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_document_items" ADD CONSTRAINT "billing_document_items_tenant_id_charge_id_billing_charges_tenant_id_id_fk" FOREIGN KEY ("tenant_id","charge_id") REFERENCES "public"."billing_charges"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_documents" ADD CONSTRAINT "billing_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_documents" ADD CONSTRAINT "billing_documents_tenant_id_batch_id_billing_batches_tenant_id_id_fk" FOREIGN KEY ("tenant_id","batch_id") REFERENCES "public"."billing_batches"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_documents" ADD CONSTRAINT "billing_documents_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collections" ADD CONSTRAINT "customer_collections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collections" ADD CONSTRAINT "customer_collections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collections" ADD CONSTRAINT "customer_collections_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folios" ADD CONSTRAINT "folios_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folios" ADD CONSTRAINT "folios_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folios" ADD CONSTRAINT "folios_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "folios" ADD CONSTRAINT "folios_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_batches_created_idx" ON "billing_batches" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_charges_sale_key" ON "billing_charges" USING btree ("tenant_id","sale_id") WHERE "billing_charges"."sale_id" is not null;--> statement-breakpoint
CREATE INDEX "billing_charges_status_idx" ON "billing_charges" USING btree ("tenant_id","status","customer_id","charged_on");--> statement-breakpoint
CREATE INDEX "billing_charges_folio_idx" ON "billing_charges" USING btree ("tenant_id","folio_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_document_items_live_key" ON "billing_document_items" USING btree ("tenant_id","charge_id") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_documents_fiscal_key" ON "billing_documents" USING btree ("tenant_id","fiscal_document_id");--> statement-breakpoint
CREATE INDEX "billing_documents_batch_idx" ON "billing_documents" USING btree ("tenant_id","batch_id","status");--> statement-breakpoint
CREATE INDEX "billing_documents_customer_idx" ON "billing_documents" USING btree ("tenant_id","customer_id","issue_date");--> statement-breakpoint
CREATE INDEX "customer_collections_customer_idx" ON "customer_collections" USING btree ("tenant_id","customer_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "folios_open_room_key" ON "folios" USING btree ("tenant_id","room_number") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "folios_status_idx" ON "folios" USING btree ("tenant_id","status","opened_at");