import { findCaseOwnership, type Database } from '@hotline/db';
import { isValidTrackingCode, normalizeTrackingCode } from '@hotline/domain';
import { AppError, validationFailed } from '../errors.js';

/** The case behind a tracking code, with what proving ownership needs. */
export async function loadOwnedCase(db: Database, rawCode: string) {
  if (!isValidTrackingCode(rawCode)) {
    throw validationFailed([{ field: 'trackingCode', reason: 'invalid_tracking_code' }]);
  }
  const row = await findCaseOwnership(db, normalizeTrackingCode(rawCode));
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no case with this tracking code');
  return row;
}
