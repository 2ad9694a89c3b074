ALTER TABLE "admin_units" ADD COLUMN "is_drill" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "is_drill" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hotlines" ADD COLUMN "is_drill" boolean DEFAULT false NOT NULL;