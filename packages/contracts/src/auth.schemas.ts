import Type, { type Static } from 'typebox';

const LOGIN = Type.String({ minLength: 1, maxLength: 254, description: 'E-mail or username' });
// A generous cap: argon2 hashes anything, but a megabyte of password is an attack.
const PASSWORD = Type.String({ minLength: 1, maxLength: 256 });
const TOTP = Type.String({ pattern: '^[0-9]{6}$', description: 'Code from the authenticator app' });

/** `POST /v1/auth/sign-in`. */
export const SignInBody = Type.Object(
  { login: LOGIN, password: PASSWORD, totp: Type.Optional(TOTP) },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const SignedInOfficial = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fullName: Type.String(),
  roles: Type.Array(Type.String()),
  unitId: Type.String({ format: 'uuid' }),
});

/** The signed-in official and the CSRF token to echo in `x-csrf-token`. */
export const SignInResponse = Type.Object({
  official: SignedInOfficial,
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const MeResponse = SignInResponse;

/** `POST /v1/auth/totp/enroll`: signed in, or login + password for an admin who must enroll. */
export const TotpEnrollBody = Type.Object(
  { login: Type.Optional(LOGIN), password: Type.Optional(PASSWORD) },
  { additionalProperties: false },
);
export type TotpEnrollBody = Static<typeof TotpEnrollBody>;

export const TotpEnrollResponse = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into the app' }),
  otpauthUri: Type.String({ description: 'otpauth:// URI, for a QR code' }),
});

export const TotpConfirmBody = Type.Object(
  { code: TOTP, login: Type.Optional(LOGIN), password: Type.Optional(PASSWORD) },
  { additionalProperties: false },
);
export type TotpConfirmBody = Static<typeof TotpConfirmBody>;

export const ChangePasswordBody = Type.Object(
  { current: PASSWORD, new: Type.String({ minLength: 12, maxLength: 256 }) },
  { additionalProperties: false },
);

export const SessionView = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  isCurrent: Type.Boolean(),
});
export const SessionList = Type.Object({ sessions: Type.Array(SessionView) });

export const SessionIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const OfficialIdParams = Type.Object({ officialId: Type.String({ format: 'uuid' }) });

export const RevokedSessionsResponse = Type.Object({ revoked: Type.Integer() });
export const TotpResetResponse = Type.Object({
  totpEnabled: Type.Literal(false),
  mustEnrol: Type.Boolean({
    description: 'An administrator must enroll a new factor before the next session',
  }),
  revokedSessions: Type.Integer({ minimum: 0 }),
});
export const PasswordResetResponse = Type.Object({
  temporaryPassword: Type.String({ description: 'Shown this once; never stored in clear' }),
  mustChangePassword: Type.Literal(true),
});
