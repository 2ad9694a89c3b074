-- The minutes (since the epoch) at which a case's SLA timers fall: the incremental reconcile
-- finds the open cases with a timer due soon through a GIN index on them, instead of reading
-- every open case's timers. Declared immutable: the times are ISO strings with their offset
-- ('…Z'), so the result does not depend on the session's time zone.
CREATE OR REPLACE FUNCTION hotline_timer_minutes(timers jsonb) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT coalesce(array_agg(DISTINCT floor(extract(epoch FROM (t->>'at')::timestamptz) / 60)::integer), '{}')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(timers) = 'array' THEN timers ELSE '[]'::jsonb END) AS t
    WHERE t->>'at' IS NOT NULL
  $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS cases_open_timer_minutes_idx ON cases
  USING gin (hotline_timer_minutes(sla_timers))
  WHERE status IN ('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened')
    AND sla_timers IS NOT NULL;
