-- Databases seeded before the flag existed: the demo's drill (seed-drill.ts) is marked by its codes.
UPDATE "admin_units" SET "is_drill" = true WHERE "code" = 'to-truc-dien-tap';--> statement-breakpoint
UPDATE "categories" SET "is_drill" = true WHERE "code" = 'dien-tap';--> statement-breakpoint
UPDATE "hotlines" SET "is_drill" = true WHERE "number" = '+842393999000';
