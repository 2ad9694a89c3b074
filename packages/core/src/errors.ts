/** Every error a use case can return; the API maps each to one HTTP status, workers to retry/give up. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'CASE_NOT_FOUND'
  | 'CALENDAR_NOT_FOUND'
  | 'OVERRIDE_NOT_FOUND'
  | 'POLICY_NOT_FOUND'
  | 'NOTIFICATION_NOT_FOUND'
  | 'ROUTING_RULE_NOT_FOUND'
  | 'SERVICE_NOT_FOUND'
  | 'API_KEY_NOT_FOUND'
  | 'OFFICIAL_NOT_FOUND'
  | 'TOKEN_NOT_FOUND'
  | 'UNIT_NOT_FOUND'
  | 'HOTLINE_NOT_FOUND'
  | 'CATEGORY_NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION'
  | 'RULE_VIOLATION'
  | 'EXTENSION_LIMIT'
  | 'FORBIDDEN'
  | 'VERSION_CONFLICT'
  | 'NO_TRIAGE_UNIT'
  | 'TRACKING_CODE_EXHAUSTED'
  | 'PROOF_REQUIRED'
  | 'PROOF_INVALID'
  | 'OTP_LOCKED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'TOTP_REQUIRED'
  | 'TOTP_INVALID'
  | 'TOTP_ENROLLMENT_REQUIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'CSRF_INVALID'
  | 'SESSION_NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_FLIGHT';

/** A field-level problem: the field's path and a stable reason key. */
export interface FieldProblem {
  field: string;
  reason: string;
  /** Extra values for the message, e.g. a limit. */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const validationFailed = (problems: readonly FieldProblem[]) =>
  new AppError(
    'VALIDATION_FAILED',
    problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    problems,
  );
