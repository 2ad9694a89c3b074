-- Officials search case text without diacritics ("duong" finds "đường"): Postgres's unaccent
-- and trigram indexes. Both extensions are trusted (a database owner may create them).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could be changed), and an index needs an IMMUTABLE
-- expression: this wrapper names the dictionary, as the PostgreSQL documentation suggests.
CREATE OR REPLACE FUNCTION hotline_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS cases_text_search_idx ON cases USING gin (hotline_fold(text) gin_trgm_ops);
