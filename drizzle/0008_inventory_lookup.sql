DROP INDEX "product_name_trigrams_lookup_idx";--> statement-breakpoint
CREATE INDEX "product_name_trigrams_lookup_idx" ON "product_name_trigrams" USING btree ("tenant_id","trigram","product_id");