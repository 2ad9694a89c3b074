CREATE TABLE "calendar_overrides" (
	"calendar_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"intervals" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_overrides_calendar_id_date_pk" PRIMARY KEY("calendar_id","date")
);
--> statement-breakpoint
CREATE TABLE "calendar_revision" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "calendar_revision_single_row" CHECK ("calendar_revision"."id")
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"time_zone" text,
	"weekly" jsonb,
	"holidays" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_type" "case_type" NOT NULL,
	"category_id" uuid,
	"priority" "priority",
	"acceptance" jsonb NOT NULL,
	"first_response" jsonb NOT NULL,
	"resolution" jsonb NOT NULL,
	"resolution_complex" jsonb,
	"resolution_from" text NOT NULL,
	"warning_fraction" real DEFAULT 0.75 NOT NULL,
	"max_extensions" integer DEFAULT 0 NOT NULL,
	"max_extensions_complex" integer DEFAULT 0 NOT NULL,
	"max_extension" jsonb,
	"escalation" jsonb NOT NULL,
	"transfer_resets_deadline" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_scope_uq" UNIQUE NULLS NOT DISTINCT("case_type","category_id","priority"),
	CONSTRAINT "sla_policies_warning_fraction" CHECK ("sla_policies"."warning_fraction" > 0 and "sla_policies"."warning_fraction" < 1)
);
--> statement-breakpoint
ALTER TABLE "admin_units" ADD COLUMN "calendar_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "is_complex" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "pending_extension" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "extensions_granted" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "acceptance_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_parent_id_calendars_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;