ALTER TABLE "cash_sessions" ADD COLUMN "conflict_resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD COLUMN "conflict_resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD COLUMN "conflict_resolution" varchar(500);--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD CONSTRAINT "cash_sessions_conflict_resolved_by_users_id_fk" FOREIGN KEY ("conflict_resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;