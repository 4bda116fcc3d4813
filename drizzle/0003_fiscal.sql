CREATE TYPE "public"."fiscal_document_kind" AS ENUM('INVOICE', 'CREDIT_NOTE');--> statement-breakpoint
CREATE TYPE "public"."fiscal_document_status" AS ENUM('PENDING', 'ISSUED', 'REJECTED', 'ERROR');--> statement-breakpoint
CREATE TYPE "public"."fiscal_environment" AS ENUM('HOMOLOGATION', 'PRODUCTION', 'FAKE');--> statement-breakpoint
CREATE TYPE "public"."fiscal_iva_condition" AS ENUM('RESPONSABLE_INSCRIPTO', 'MONOTRIBUTO', 'EXENTO');--> statement-breakpoint
CREATE TABLE "fiscal_document_attempts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"number" bigint,
	"outcome" text NOT NULL,
	"request_xml" text,
	"response_xml" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_document_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "fiscal_document_kind" NOT NULL,
	"status" "fiscal_document_status" DEFAULT 'PENDING' NOT NULL,
	"sale_id" uuid,
	"register_id" uuid,
	"original_document_id" uuid,
	"environment" "fiscal_environment",
	"emitter_cuit" text,
	"point_of_sale" integer NOT NULL,
	"cbte_tipo" integer,
	"number" bigint,
	"concept" integer DEFAULT 1 NOT NULL,
	"receiver_doc_type" integer NOT NULL,
	"receiver_doc_number" text NOT NULL,
	"receiver_iva_condition" integer NOT NULL,
	"receiver_name" text,
	"issue_date" date,
	"currency" text DEFAULT 'PES' NOT NULL,
	"lines" jsonb NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"net_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"exempt_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"untaxed_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"iva_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"iva_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cae" text,
	"cae_due_date" date,
	"observations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"request_xml" text,
	"response_xml" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_points_of_sale" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_points_of_sale_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_settings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cuit" text NOT NULL,
	"legal_name" text NOT NULL,
	"iva_condition" "fiscal_iva_condition" NOT NULL,
	"activity_start_date" date,
	"gross_income_number" text,
	"address" text,
	"environment" "fiscal_environment" DEFAULT 'HOMOLOGATION' NOT NULL,
	"certificate_pem" text,
	"private_key_encrypted" text,
	"anonymous_consumer_limit" numeric(14, 2) DEFAULT '10000000.00' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_settings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "wsaa_tickets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cuit" text NOT NULL,
	"service" text NOT NULL,
	"environment" "fiscal_environment" NOT NULL,
	"token" text,
	"sign" text,
	"generated_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_fault" text,
	"last_fault_at" timestamp with time zone,
	"login_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wsaa_tickets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "fiscal_document_attempts" ADD CONSTRAINT "fiscal_document_attempts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_document_attempts" ADD CONSTRAINT "fiscal_document_attempts_tenant_id_document_id_fiscal_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."fiscal_documents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD CONSTRAINT "fiscal_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD CONSTRAINT "fiscal_documents_tenant_id_original_document_id_fiscal_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","original_document_id") REFERENCES "public"."fiscal_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_points_of_sale" ADD CONSTRAINT "fiscal_points_of_sale_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_settings" ADD CONSTRAINT "fiscal_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wsaa_tickets" ADD CONSTRAINT "wsaa_tickets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fiscal_document_attempts_doc_idx" ON "fiscal_document_attempts" USING btree ("tenant_id","document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_documents_number_key" ON "fiscal_documents" USING btree ("tenant_id","environment","emitter_cuit","point_of_sale","cbte_tipo","number") WHERE "fiscal_documents"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_documents_sale_kind_key" ON "fiscal_documents" USING btree ("tenant_id","sale_id","kind") WHERE "fiscal_documents"."sale_id" is not null;--> statement-breakpoint
CREATE INDEX "fiscal_documents_status_idx" ON "fiscal_documents" USING btree ("tenant_id","status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_points_of_sale_number_key" ON "fiscal_points_of_sale" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_settings_tenant_key" ON "fiscal_settings" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wsaa_tickets_key" ON "wsaa_tickets" USING btree ("tenant_id","cuit","service","environment");