CREATE TYPE "public"."journal_entry_role" AS ENUM('ORIGINAL', 'REVERSAL');--> statement-breakpoint
CREATE TYPE "public"."ledger_account_type" AS ENUM('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE');--> statement-breakpoint
CREATE TYPE "public"."supplier_invoice_perception_kind" AS ENUM('IVA', 'IIBB', 'MUNICIPAL', 'NATIONAL', 'INTERNAL', 'OTHER');--> statement-breakpoint
CREATE TABLE "account_mappings" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "account_mappings_tenant_id_key_scope_pk" PRIMARY KEY("tenant_id","key","scope")
);
--> statement-breakpoint
CREATE TABLE "accounting_exports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"entry_count" integer NOT NULL,
	"total_debit" numeric(14, 2) NOT NULL,
	"total_credit" numeric(14, 2) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_exports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"role" "journal_entry_role" DEFAULT 'ORIGINAL' NOT NULL,
	"entry_date" date NOT NULL,
	"description" text NOT NULL,
	"export_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "journal_lines" (
	"tenant_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"debit" numeric(14, 2) DEFAULT '0' NOT NULL,
	"credit" numeric(14, 2) DEFAULT '0' NOT NULL,
	"memo" text,
	CONSTRAINT "journal_lines_tenant_id_entry_id_line_no_pk" PRIMARY KEY("tenant_id","entry_id","line_no"),
	CONSTRAINT "journal_lines_side_ck" CHECK ("journal_lines"."debit" >= 0 and "journal_lines"."credit" >= 0 and ("journal_lines"."debit" = 0 or "journal_lines"."credit" = 0))
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" "ledger_account_type" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "supplier_invoice_perceptions" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"kind" "supplier_invoice_perception_kind" NOT NULL,
	"jurisdiction" text,
	"amount" numeric(14, 2) NOT NULL,
	CONSTRAINT "supplier_invoice_perceptions_tenant_id_invoice_id_line_no_pk" PRIMARY KEY("tenant_id","invoice_id","line_no"),
	CONSTRAINT "supplier_invoice_perceptions_ck" CHECK ("supplier_invoice_perceptions"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "supplier_invoice_vat" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"alicuota_id" integer NOT NULL,
	"rate" numeric(5, 2) NOT NULL,
	"net" numeric(14, 2) NOT NULL,
	"vat" numeric(14, 2) NOT NULL,
	CONSTRAINT "supplier_invoice_vat_tenant_id_invoice_id_alicuota_id_pk" PRIMARY KEY("tenant_id","invoice_id","alicuota_id"),
	CONSTRAINT "supplier_invoice_vat_ck" CHECK ("supplier_invoice_vat"."net" >= 0 and "supplier_invoice_vat"."vat" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supplier_invoices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"payable_id" uuid,
	"receipt_id" uuid,
	"cbte_tipo" integer NOT NULL,
	"point_of_sale" integer NOT NULL,
	"number" bigint NOT NULL,
	"issue_date" date NOT NULL,
	"supplier_cuit" text NOT NULL,
	"supplier_name" text NOT NULL,
	"net_taxed" numeric(14, 2) DEFAULT '0' NOT NULL,
	"vat_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"exempt" numeric(14, 2) DEFAULT '0' NOT NULL,
	"non_taxed" numeric(14, 2) DEFAULT '0' NOT NULL,
	"perceptions_total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"expense_account_id" uuid,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_invoices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "supplier_invoices_amounts_ck" CHECK ("supplier_invoices"."total" >= 0 and "supplier_invoices"."net_taxed" >= 0 and "supplier_invoices"."vat_total" >= 0 and "supplier_invoices"."exempt" >= 0 and "supplier_invoices"."non_taxed" >= 0 and "supplier_invoices"."perceptions_total" >= 0),
	CONSTRAINT "supplier_invoices_pos_ck" CHECK ("supplier_invoices"."point_of_sale" between 0 and 99999 and "supplier_invoices"."number" between 1 and 99999999)
);
--> statement-breakpoint
ALTER TABLE "account_mappings" ADD CONSTRAINT "account_mappings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_mappings" ADD CONSTRAINT "account_mappings_tenant_id_account_id_ledger_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."ledger_accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_exports" ADD CONSTRAINT "accounting_exports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_exports" ADD CONSTRAINT "accounting_exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_tenant_id_export_id_accounting_exports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","export_id") REFERENCES "public"."accounting_exports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_tenant_id_entry_id_journal_entries_tenant_id_id_fk" FOREIGN KEY ("tenant_id","entry_id") REFERENCES "public"."journal_entries"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_tenant_id_account_id_ledger_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."ledger_accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_perceptions" ADD CONSTRAINT "supplier_invoice_perceptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_perceptions" ADD CONSTRAINT "supplier_invoice_perceptions_tenant_id_invoice_id_supplier_invoices_tenant_id_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."supplier_invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_vat" ADD CONSTRAINT "supplier_invoice_vat_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoice_vat" ADD CONSTRAINT "supplier_invoice_vat_tenant_id_invoice_id_supplier_invoices_tenant_id_id_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."supplier_invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_tenant_id_supplier_id_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_tenant_id_payable_id_payables_tenant_id_id_fk" FOREIGN KEY ("tenant_id","payable_id") REFERENCES "public"."payables"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_tenant_id_receipt_id_goods_receipts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","receipt_id") REFERENCES "public"."goods_receipts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_invoices" ADD CONSTRAINT "supplier_invoices_tenant_id_expense_account_id_ledger_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","expense_account_id") REFERENCES "public"."ledger_accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounting_exports_number_key" ON "accounting_exports" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_source_key" ON "journal_entries" USING btree ("tenant_id","source_type","source_id","role");--> statement-breakpoint
CREATE INDEX "journal_entries_unexported_idx" ON "journal_entries" USING btree ("tenant_id","entry_date") WHERE "journal_entries"."export_id" is null;--> statement-breakpoint
CREATE INDEX "journal_entries_export_idx" ON "journal_entries" USING btree ("tenant_id","export_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_key" ON "ledger_accounts" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_invoices_document_key" ON "supplier_invoices" USING btree ("tenant_id","supplier_cuit","cbte_tipo","point_of_sale","number");--> statement-breakpoint
CREATE INDEX "supplier_invoices_date_idx" ON "supplier_invoices" USING btree ("tenant_id","issue_date");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_invoices_payable_key" ON "supplier_invoices" USING btree ("tenant_id","payable_id");