export * from './session-store.js';
export { recordAuthEvent, type AuthEventKind } from './auth-events.js';
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
export {
  totpKeyFrom,
  totpCode,
  acceptedTotpStep,
  encryptTotpSecret,
  decryptTotpSecret,
} from './totp.js';
export {
  signIn,
  checkCredentials,
  attemptKeysOf,
  type AuthDeps,
  type SignedIn,
} from './sign-in.js';
export * from './sign-in-attempts.js';
export { enrollTotp, confirmTotp, renewRecoveryCodes } from './totp-enrolment.js';
export { issueRecoveryCodes, spendRecoveryCode } from './recovery-codes.js';
export { changePassword, resetPassword } from './passwords-admin.js';
export { resetTotp } from './totp-reset.js';
export { signOut, listOwnSessions, revokeOwnSession, revokeOfficialSessions } from './sessions.js';
