CREATE TABLE "assignment_cursors" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb NOT NULL,
	"target_unit_id" uuid NOT NULL,
	"strategy" text DEFAULT 'unit_queue' NOT NULL,
	"named_official_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"event_version" integer DEFAULT 0 NOT NULL,
	"template" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_key" text NOT NULL,
	"recipient_official_id" uuid,
	"address" text,
	"locale" text DEFAULT 'vi' NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"encoding" text,
	"segments" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_once_uq" UNIQUE NULLS NOT DISTINCT("case_id","event_version","template","channel","recipient_key")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sla_timers" jsonb;--> statement-breakpoint
ALTER TABLE "assignment_cursors" ADD CONSTRAINT "assignment_cursors_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_target_unit_id_admin_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_named_official_id_officials_id_fk" FOREIGN KEY ("named_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_official_id_officials_id_fk" FOREIGN KEY ("recipient_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_rules_active_position_idx" ON "routing_rules" USING btree ("position") WHERE "routing_rules"."is_active";--> statement-breakpoint
CREATE INDEX "notifications_official_inbox_idx" ON "notifications" USING btree ("recipient_official_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status","created_at");