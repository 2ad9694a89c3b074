export { getCaseFollowUp, type CaseFollowUp, type CaseMessage } from './get-case-follow-up.js';
export { listHotlineDirectory, type HotlineDirectoryEntry } from './list-hotline-directory.js';
export { listCommunes, getProvinceName, type CommuneOption } from './list-communes.js';
export {
  citizenPhoneOf,
  listCitizenCases,
  provePhoneOwner,
  requestPhoneOtp,
  type CitizenCase,
  type PhoneProofDeps,
} from './citizen-phone-proof.js';
