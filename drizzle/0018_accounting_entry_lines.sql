DROP TABLE "journal_lines" CASCADE;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "lines" jsonb DEFAULT '[]'::jsonb NOT NULL;