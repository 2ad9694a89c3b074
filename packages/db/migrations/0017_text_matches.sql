CREATE TABLE "case_text_match_runs" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_text_matches" (
	"case_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"similarity" real NOT NULL,
	CONSTRAINT "case_text_matches_case_id_match_id_pk" PRIMARY KEY("case_id","match_id")
);
--> statement-breakpoint
ALTER TABLE "case_text_match_runs" ADD CONSTRAINT "case_text_match_runs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_text_matches" ADD CONSTRAINT "case_text_matches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_text_matches" ADD CONSTRAINT "case_text_matches_match_id_cases_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A case's similar cases, found once and kept (both ways): the latest 100 cases of the same
-- category received in the 30 days before it and the first 100 in the 30 days after it (for
-- a case received before this table existed; a new case has none after it) are compared with
-- pg_trgm's similarity on the folded texts; 0.5 and up counts as similar (below it, short
-- complaints sharing a commune's name and a polite closing matched: noise, not duplicates). Duplicates of a complaint come close in time and
-- in subject; the trigram index's `%` over a province's whole history took seconds.
CREATE FUNCTION hotline_text_matches(target uuid)
RETURNS TABLE (related_id uuid, score real)
LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM case_text_match_runs r WHERE r.case_id = target) THEN
    SELECT c.id, c.category_id, c.received_at, c.text_folded INTO t FROM cases c WHERE c.id = target;
    IF FOUND THEN
      WITH candidates AS (
        (SELECT c.id, c.text_folded FROM cases c
          WHERE c.category_id = t.category_id AND c.received_at <= t.received_at
            AND c.received_at >= t.received_at - interval '30 days' AND c.id <> t.id
          ORDER BY c.received_at DESC LIMIT 100)
        UNION ALL
        (SELECT c.id, c.text_folded FROM cases c
          WHERE c.category_id = t.category_id AND c.received_at > t.received_at
            AND c.received_at <= t.received_at + interval '30 days'
          ORDER BY c.received_at LIMIT 100)
      ), found AS (
        SELECT s.id, s.sim FROM (
          SELECT m.id, similarity(m.text_folded, t.text_folded) AS sim FROM candidates m) s
        WHERE s.sim >= 0.5
      )
      -- In key order: two cases looked at together insert the same pairs (each sees the
      -- other), and rows taken in one order by everyone cannot deadlock.
      INSERT INTO case_text_matches (case_id, match_id, similarity)
        SELECT pair.case_id, pair.match_id, pair.sim FROM (
          SELECT target AS case_id, f.id AS match_id, f.sim FROM found f
          UNION ALL SELECT f.id, target, f.sim FROM found f) pair
        ORDER BY pair.case_id, pair.match_id
      ON CONFLICT DO NOTHING;
      INSERT INTO case_text_match_runs (case_id) VALUES (target) ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN QUERY SELECT m.match_id, m.similarity FROM case_text_matches m WHERE m.case_id = target;
END $$;
