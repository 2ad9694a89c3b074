import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const LOGIN = SafeString({ minLength: 1, maxLength: 254, description: 'E-mail or username' });
// A generous cap: argon2 hashes anything, but a megabyte of password is an attack.
const PASSWORD = SafeString({ minLength: 1, maxLength: 256 });
const TOTP = SafeString({ pattern: '^[0-9]{6}$', description: 'Code from the authenticator app' });
const RECOVERY_CODE = SafeString({
  minLength: 10,
  maxLength: 24,
  description: 'One of the recovery codes shown at enrolment (e.g. ABCDE-FGHJK), instead of `totp`',
});

/** `POST /v1/auth/sign-in`. */
export const SignInBody = Type.Object(
  {
    login: LOGIN,
    password: PASSWORD,
    totp: Type.Optional(TOTP),
    recoveryCode: Type.Optional(RECOVERY_CODE),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const SignedInOfficial = Type.Object({
  id: SafeString({ format: 'uuid' }),
  fullName: SafeString(),
  roles: Type.Array(SafeString()),
  unitId: SafeString({ format: 'uuid' }),
});

/** The signed-in official and the CSRF token to echo in `x-csrf-token`. */
export const SignInResponse = Type.Object({
  official: SignedInOfficial,
  csrfToken: SafeString(),
  mustChangePassword: Type.Boolean(),
  recoveryCodesLeft: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'Present when a recovery code was used to sign in: how many are left',
    }),
  ),
});

export const MeResponse = SignInResponse;

/** `POST /v1/auth/totp/enroll`: signed in, or login + password for an admin who must enroll. */
export const TotpEnrollBody = Type.Object(
  { login: Type.Optional(LOGIN), password: Type.Optional(PASSWORD) },
  { additionalProperties: false },
);
export type TotpEnrollBody = Static<typeof TotpEnrollBody>;

export const TotpEnrollResponse = Type.Object({
  secret: SafeString({ description: 'Base32, for typing into the app' }),
  otpauthUri: SafeString({ description: 'otpauth:// URI, for a QR code' }),
  qrCode: SafeString({ description: 'The otpauth URI as a QR code: an SVG data URL' }),
});

export const TotpConfirmBody = Type.Object(
  { code: TOTP, login: Type.Optional(LOGIN), password: Type.Optional(PASSWORD) },
  { additionalProperties: false },
);
export type TotpConfirmBody = Static<typeof TotpConfirmBody>;

/** Shown once, at enrolment or renewal; each signs in once in place of an authenticator code. */
export const RecoveryCodesResponse = Type.Object({
  recoveryCodes: Type.Array(SafeString({ pattern: '^[A-Z2-9]{5}-[A-Z2-9]{5}$' }), {
    minItems: 10,
    maxItems: 10,
  }),
});

export const RenewRecoveryCodesBody = Type.Object(
  { password: PASSWORD },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { current: PASSWORD, new: SafeString({ minLength: 12, maxLength: 256 }) },
  { additionalProperties: false },
);

export const SessionView = Type.Object({
  id: SafeString(),
  createdAt: SafeString({ format: 'date-time' }),
  lastSeenAt: SafeString({ format: 'date-time' }),
  ip: Type.Union([SafeString(), Type.Null()]),
  userAgent: Type.Union([SafeString(), Type.Null()]),
  isCurrent: Type.Boolean(),
});
export const SessionList = Type.Object({ sessions: Type.Array(SessionView) });

export const SessionIdParams = Type.Object({ id: SafeString({ pattern: '^[0-9a-f]{64}$' }) });
export const OfficialIdParams = Type.Object({ officialId: SafeString({ format: 'uuid' }) });

export const RevokedSessionsResponse = Type.Object({ revoked: Type.Integer() });
export const TotpResetResponse = Type.Object({
  totpEnabled: Type.Literal(false),
  mustEnrol: Type.Boolean({
    description: 'An administrator must enroll a new factor before the next session',
  }),
  revokedSessions: Type.Integer({ minimum: 0 }),
});
export const PasswordResetResponse = Type.Object({
  temporaryPassword: SafeString({ description: 'Shown this once; never stored in clear' }),
  mustChangePassword: Type.Literal(true),
});
