CREATE TABLE "case_report_facts" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"until" timestamp with time zone,
	"working_ms" bigint,
	"is_on_time" boolean,
	"rating" smallint,
	"was_reopened" boolean DEFAULT false NOT NULL,
	CONSTRAINT "case_report_facts_case_id_kind_seq_pk" PRIMARY KEY("case_id","kind","seq"),
	CONSTRAINT "case_report_facts_kind_check" CHECK ("case_report_facts"."kind" in ('first_response', 'resolved', 'rated', 'breached', 'escalated', 'open'))
);
--> statement-breakpoint
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_report_facts_kind_at_idx" ON "case_report_facts" USING btree ("kind","at") WHERE "case_report_facts"."kind" <> 'open';--> statement-breakpoint
CREATE INDEX "case_report_facts_open_idx" ON "case_report_facts" USING btree ("until","at","case_id") WHERE "case_report_facts"."kind" = 'open';