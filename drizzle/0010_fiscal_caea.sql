CREATE TABLE "fiscal_caea_counters" (
	"tenant_id" uuid NOT NULL,
	"environment" "fiscal_environment" NOT NULL,
	"cuit" text NOT NULL,
	"point_of_sale" integer NOT NULL,
	"cbte_tipo" integer NOT NULL,
	"last_number" bigint NOT NULL,
	CONSTRAINT "fiscal_caea_counters_tenant_id_environment_cuit_point_of_sale_cbte_tipo_pk" PRIMARY KEY("tenant_id","environment","cuit","point_of_sale","cbte_tipo")
);
--> statement-breakpoint
CREATE TABLE "fiscal_caea_no_movement" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"caea_id" uuid NOT NULL,
	"point_of_sale" integer NOT NULL,
	"result" text NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_caea_no_movement_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_caeas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"environment" "fiscal_environment" NOT NULL,
	"cuit" text NOT NULL,
	"period" integer NOT NULL,
	"fortnight" smallint NOT NULL,
	"caea" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"report_deadline" date NOT NULL,
	"processed_on" date,
	"observations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_caeas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_parameters" (
	"tenant_id" uuid NOT NULL,
	"environment" "fiscal_environment" NOT NULL,
	"cuit" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_parameters_tenant_id_environment_cuit_kind_pk" PRIMARY KEY("tenant_id","environment","cuit","kind")
);
--> statement-breakpoint
CREATE TABLE "fiscal_register_contingency" (
	"tenant_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"mode" text DEFAULT 'OFF' NOT NULL,
	"unavailable_since" timestamp with time zone,
	"since" timestamp with time zone,
	"reason" text,
	"changed_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_register_contingency_tenant_id_register_id_pk" PRIMARY KEY("tenant_id","register_id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_series_leases" (
	"tenant_id" uuid NOT NULL,
	"series_key" text NOT NULL,
	"holder" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fiscal_series_leases_tenant_id_series_key_pk" PRIMARY KEY("tenant_id","series_key")
);
--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "auth_type" text DEFAULT 'CAE' NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "caea_id" uuid;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "generated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "report_status" text;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "report_errors" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fiscal_documents" ADD COLUMN "report_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_points_of_sale" ADD COLUMN "emission_type" text DEFAULT 'CAE' NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_points_of_sale" ADD COLUMN "fallback_for" integer;--> statement-breakpoint
ALTER TABLE "fiscal_settings" ADD COLUMN "pending_private_key_encrypted" text;--> statement-breakpoint
ALTER TABLE "fiscal_settings" ADD COLUMN "csr_pem" text;--> statement-breakpoint
ALTER TABLE "fiscal_settings" ADD COLUMN "csr_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fiscal_settings" ADD COLUMN "contingency_after_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_settings" ADD COLUMN "caea_max_share_percent" numeric(5, 2) DEFAULT '10.00' NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_caea_counters" ADD CONSTRAINT "fiscal_caea_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_caea_no_movement" ADD CONSTRAINT "fiscal_caea_no_movement_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_caeas" ADD CONSTRAINT "fiscal_caeas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_parameters" ADD CONSTRAINT "fiscal_parameters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_register_contingency" ADD CONSTRAINT "fiscal_register_contingency_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_series_leases" ADD CONSTRAINT "fiscal_series_leases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_caea_no_movement_key" ON "fiscal_caea_no_movement" USING btree ("tenant_id","caea_id","point_of_sale");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_caeas_period_key" ON "fiscal_caeas" USING btree ("tenant_id","environment","cuit","period","fortnight");--> statement-breakpoint
CREATE INDEX "fiscal_documents_report_idx" ON "fiscal_documents" USING btree ("tenant_id","report_status") WHERE "fiscal_documents"."report_status" is not null;