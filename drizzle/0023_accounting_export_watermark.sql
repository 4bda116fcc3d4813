DROP INDEX "journal_entries_export_idx";--> statement-breakpoint
ALTER TABLE "accounting_exports" ADD COLUMN "seq_hi" bigint;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "journal_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "journal_entries_seq_idx" ON "journal_entries" USING btree ("tenant_id","seq");--> statement-breakpoint
CREATE INDEX "journal_entries_export_idx" ON "journal_entries" USING btree ("tenant_id","export_id") WHERE "journal_entries"."export_id" is not null;