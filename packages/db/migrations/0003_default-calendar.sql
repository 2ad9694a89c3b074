-- The province calendar always exists: its null settings mean the built-in defaults.
INSERT INTO calendars (id, name) VALUES ('default', 'Lịch làm việc của tỉnh') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO calendar_revision (id, revision) VALUES (true, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The province calendar is the root of every inheritance chain: it cannot have a parent.
ALTER TABLE calendars ADD CONSTRAINT calendars_default_is_root CHECK (id <> 'default' OR parent_id IS NULL);
