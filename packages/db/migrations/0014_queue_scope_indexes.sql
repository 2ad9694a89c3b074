DROP INDEX "cases_open_assignee_due_idx";--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("resolution_due_at","id");--> statement-breakpoint
CREATE INDEX "cases_category_received_idx" ON "cases" USING btree ("category_id","received_at");--> statement-breakpoint
CREATE INDEX "cases_commune_received_idx" ON "cases" USING btree ("commune_unit_id","received_at") WHERE "cases"."commune_unit_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_open_assignee_due_idx" ON "cases" USING btree ("assignee_id","resolution_due_at","id","status","sla_state","unit_id","hotline_id") WHERE "cases"."assignee_id" is not null and "cases"."status" in ('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened');