ALTER TYPE "public"."official_role" ADD VALUE 'auditor';--> statement-breakpoint
CREATE TABLE "auth_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "auth_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"official_id" uuid,
	"kind" text NOT NULL,
	"identifier" text,
	"ip" text,
	"user_agent" text,
	"by_official_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_data_views" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_data_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"official_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"fields" text[] NOT NULL,
	"context" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "totp_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "failed_sign_ins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_by_official_id_officials_id_fk" FOREIGN KEY ("by_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_views" ADD CONSTRAINT "personal_data_views_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_views" ADD CONSTRAINT "personal_data_views_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_events_official_idx" ON "auth_events" USING btree ("official_id","at");--> statement-breakpoint
CREATE INDEX "personal_data_views_case_idx" ON "personal_data_views" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "personal_data_views_official_idx" ON "personal_data_views" USING btree ("official_id","at");--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_username_unique" UNIQUE("username");