-- API processes keep who an official is (roles, unit, scope, token) in memory for a minute at
-- most, and forget it the moment any of it changes: every statement that can change a
-- credential or a scope notifies the channel 'hotline_credentials' on commit (one
-- notification per transaction: Postgres folds identical ones). Writes that change nothing a
-- credential depends on (a token's last use, failed sign-ins) notify nothing.
CREATE FUNCTION hotline_credentials_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hotline_credentials', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER officials_credentials_changed
  AFTER DELETE OR TRUNCATE OR UPDATE OF unit_id, roles, is_active, must_change_password
  ON officials FOR EACH STATEMENT EXECUTE FUNCTION hotline_credentials_changed();
--> statement-breakpoint
CREATE TRIGGER official_tokens_credentials_changed
  AFTER DELETE OR TRUNCATE OR UPDATE OF official_id, token_hash, scopes, expires_at, revoked_at
  ON official_tokens FOR EACH STATEMENT EXECUTE FUNCTION hotline_credentials_changed();
--> statement-breakpoint
-- A unit leader's scope is the subtree below their unit.
CREATE TRIGGER admin_units_credentials_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF parent_id
  ON admin_units FOR EACH STATEMENT EXECUTE FUNCTION hotline_credentials_changed();
--> statement-breakpoint
-- A hotline owner's scope is their hotlines.
CREATE TRIGGER hotlines_credentials_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF owner_official_id
  ON hotlines FOR EACH STATEMENT EXECUTE FUNCTION hotline_credentials_changed();
