-- Facts now repeat their case's receipt and grouping columns. Rows written before are dropped:
-- the backfill (pnpm db:migrate runs it) rebuilds every case without facts from its history.
DELETE FROM "case_report_facts";--> statement-breakpoint
DROP INDEX "case_report_facts_kind_at_idx";--> statement-breakpoint
DROP INDEX "case_report_facts_open_idx";--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "received_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "category_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "channel" "channel" NOT NULL;--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "hotline_id" uuid;--> statement-breakpoint
CREATE INDEX "case_report_facts_kind_at_idx" ON "case_report_facts" USING btree ("kind","at","seq","until","working_ms","is_on_time","was_reopened","rating","unit_id","assignee_id","category_id","channel","hotline_id");--> statement-breakpoint
CREATE INDEX "case_report_facts_open_idx" ON "case_report_facts" USING btree ("until","at","received_at","unit_id","assignee_id","category_id","channel","hotline_id") WHERE "case_report_facts"."kind" = 'open';