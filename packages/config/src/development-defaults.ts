// Defaults that let the service run on a laptop out of the box; production refuses each
// (production-refusals.ts), so they may be printed in the docs.

/** The session secret's development default (also the key the TOTP secrets are sealed with). */
export const DEV_SESSION_SECRET = 'development-only-secret-change-me-0123456789';
export const DEV_TWILIO_AUTH_TOKEN = 'dev-twilio-auth-token';
export const DEV_SMS_WEBHOOK_SECRETS = 'dev:dev-sms-webhook-secret';
