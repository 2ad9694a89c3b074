ALTER TABLE "cases" ADD COLUMN "text_folded" text GENERATED ALWAYS AS (hotline_fold(text)) STORED;--> statement-breakpoint
-- The trigram index now reads the stored column (the same folded text, computed once).
DROP INDEX IF EXISTS cases_text_search_idx;--> statement-breakpoint
CREATE INDEX cases_text_search_idx ON cases USING gin (text_folded gin_trgm_ops);
