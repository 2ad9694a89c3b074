-- A TOTP code is accepted once: the last accepted time step is kept per official.
ALTER TABLE "officials" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
-- An official without a role can do nothing and is nobody's to route to.
ALTER TABLE "officials" ADD CONSTRAINT "officials_have_a_role" CHECK (cardinality("officials"."roles") > 0);--> statement-breakpoint
-- Sign-in throttling moved to Redis, per account and source: the account-wide lock is gone.
ALTER TABLE "officials" DROP COLUMN "failed_sign_ins";--> statement-breakpoint
ALTER TABLE "officials" DROP COLUMN "locked_until";
