-- Moderation: a case is public only once an official approved its redacted text and answer
-- (and its citizen consented). Every existing case starts 'pending': what the portal showed
-- before, unreviewed, waits for an official.
ALTER TABLE "cases" ADD COLUMN "publication_state" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "public_text" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "public_answer" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "publication_note" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "publication_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "publication_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_publication_decided_by_officials_id_fk" FOREIGN KEY ("publication_decided_by") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_publication_pending_idx" ON "cases" USING btree ("updated_at") WHERE "cases"."publication_state" = 'pending' and "cases"."consent_to_publish" and "cases"."type" <> 'denunciation' and "cases"."status" in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "cases_published_idx" ON "cases" USING btree ("publication_decided_at") WHERE "cases"."publication_state" = 'approved';--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_publication_state" CHECK ("cases"."publication_state" in ('pending', 'approved', 'refused'));