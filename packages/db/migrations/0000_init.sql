CREATE TYPE "public"."case_status" AS ENUM('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'resolved', 'closed', 'reopened', 'rejected', 'merged');--> statement-breakpoint
CREATE TYPE "public"."case_type" AS ENUM('feedback', 'complaint', 'denunciation', 'leader_hotline');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('web', 'sms', 'call', 'email', 'open311', 'counter');--> statement-breakpoint
CREATE TYPE "public"."official_role" AS ENUM('operator', 'handler', 'unit_leader', 'hotline_owner', 'supervisor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."sla_state" AS ENUM('on_track', 'at_risk', 'breached');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('province', 'department', 'agency', 'district', 'commune');--> statement-breakpoint
CREATE TABLE "admin_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"parent_id" uuid,
	"is_triage" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "hotlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"display_number" text NOT NULL,
	"name" text NOT NULL,
	"owner_official_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotlines_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"title" text DEFAULT '' NOT NULL,
	"roles" "official_role"[] DEFAULT '{}' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_absent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officials_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_official_id" uuid,
	"actor_process" text,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_events_case_version_uq" UNIQUE("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"type" "case_type" DEFAULT 'feedback' NOT NULL,
	"channel" "channel" NOT NULL,
	"status" "case_status" NOT NULL,
	"priority" "priority" DEFAULT 'normal' NOT NULL,
	"hotline_id" uuid,
	"category_id" uuid NOT NULL,
	"citizen_name" text,
	"citizen_phone" text,
	"citizen_email" text,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"consent_to_publish" boolean DEFAULT false NOT NULL,
	"text" text NOT NULL,
	"commune_unit_id" uuid,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"unit_id" uuid,
	"assignee_id" uuid,
	"sla_state" "sla_state" DEFAULT 'on_track' NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"transfer_count" smallint DEFAULT 0 NOT NULL,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"deadline_generation" integer DEFAULT 0 NOT NULL,
	"resolution_text" text,
	"satisfaction" smallint,
	"version" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "cases_satisfaction_range" CHECK ("cases"."satisfaction" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"queue" text NOT NULL,
	"job_name" text NOT NULL,
	"job_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_parent_id_admin_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_merged_into_id_admin_units_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotlines" ADD CONSTRAINT "hotlines_owner_official_id_officials_id_fk" FOREIGN KEY ("owner_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotlines" ADD CONSTRAINT "hotlines_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_official_id_officials_id_fk" FOREIGN KEY ("actor_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_commune_unit_id_admin_units_id_fk" FOREIGN KEY ("commune_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_officials_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_units_one_triage_idx" ON "admin_units" USING btree ("is_triage") WHERE "admin_units"."is_triage";--> statement-breakpoint
CREATE INDEX "hotlines_unit_idx" ON "hotlines" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "hotlines_owner_idx" ON "hotlines" USING btree ("owner_official_id");--> statement-breakpoint
CREATE INDEX "officials_unit_idx" ON "officials" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "case_events_occurred_brin" ON "case_events" USING brin ("occurred_at");--> statement-breakpoint
CREATE INDEX "cases_unit_status_idx" ON "cases" USING btree ("unit_id","status") WHERE "cases"."unit_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_assignee_status_idx" ON "cases" USING btree ("assignee_id","status") WHERE "cases"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_hotline_received_idx" ON "cases" USING btree ("hotline_id","received_at") WHERE "cases"."hotline_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_received_brin" ON "cases" USING brin ("received_at");--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("resolution_due_at") WHERE "cases"."resolution_due_at" is not null and "cases"."status" not in ('resolved', 'closed', 'rejected', 'merged');--> statement-breakpoint
CREATE INDEX "cases_citizen_phone_idx" ON "cases" USING btree ("citizen_phone") WHERE "cases"."citizen_phone" is not null;