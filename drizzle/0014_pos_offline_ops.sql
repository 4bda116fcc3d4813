DROP INDEX "cash_sessions_one_open_key";--> statement-breakpoint
ALTER TABLE "registers" ADD COLUMN "auto_print" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD COLUMN "opened_offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD COLUMN "open_conflict" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "cash_sessions_one_open_key" ON "cash_sessions" USING btree ("tenant_id","register_id") WHERE status = 'OPEN' and not open_conflict;