ALTER TABLE "case_report_facts" DROP CONSTRAINT "case_report_facts_kind_check";--> statement-breakpoint
DROP INDEX "case_report_facts_open_idx";--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_report_facts_open_idx" ON "case_report_facts" USING btree ("until","at","received_at","due_at","unit_id","assignee_id","category_id","channel","hotline_id") WHERE "case_report_facts"."kind" = 'open';--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_kind_check" CHECK ("case_report_facts"."kind" in ('received', 'first_response', 'resolved', 'rated', 'breached', 'escalated', 'transferred_out', 'open'));