export { proveCaseOwner, type CaseProof, type ProveCaseOwnerDeps } from './prove-case-owner.js';
export { requestCaseOtp, type RequestCaseOtpDeps } from './request-case-otp.js';
export { OTP_MAX_TRIES, OTP_TTL_SECONDS, type OtpEntry, type OtpStore } from './otp-store.js';
export { sha256Hex } from './owner-token.js';
export type { FollowUpDeps, FollowUpOutcome } from './act-on-owned-case.js';
export {
  provideCaseInformation,
  type InformationFile,
  type ProvideInformationDeps,
} from './provide-case-information.js';
export { rateCase } from './rate-case.js';
export { reopenCase, reopenRefusal, REOPEN_WINDOW_MS } from './reopen-case.js';
export { withdrawCase } from './withdraw-case.js';
