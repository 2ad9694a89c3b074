import {
  deleteBlockedPhone,
  listBlockedPhones,
  upsertBlockedPhone,
  type BlockedPhoneRow,
  type Database,
} from '@hotline/db';
import { normalizeVietnamesePhone } from '@hotline/domain';
import { validationFailed } from '../errors.js';

/** A blocked number as the admin API shows it. */
export interface BlockedPhoneView {
  phone: string;
  reason: string;
  createdAt: string;
}

const view = (r: BlockedPhoneRow): BlockedPhoneView => ({
  phone: r.phone,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

/** E.164, or a validation error naming the field. */
function e164(phone: string): string {
  const r = normalizeVietnamesePhone(phone);
  if (!r.ok) throw validationFailed([{ field: 'phone', reason: r.reason }]);
  return r.e164;
}

/** Every blocked number, newest first. */
export async function listBlocked(deps: { db: Database }): Promise<BlockedPhoneView[]> {
  return (await listBlockedPhones(deps.db)).map(view);
}

/** Blocks a number (normalised); blocking it again replaces the reason. */
export async function blockPhone(
  deps: { db: Database },
  input: { phone: string; reason: string },
  officialId: string | null = null,
): Promise<BlockedPhoneView> {
  const reason = input.reason.normalize('NFC').trim();
  if (!reason) throw validationFailed([{ field: 'reason', reason: 'required' }]);
  const row = await upsertBlockedPhone(deps.db, {
    phone: e164(input.phone),
    reason,
    createdByOfficialId: officialId,
  });
  return view(row);
}

/** Unblocks a number; unblocking one that is not blocked is not an error. */
export async function unblockPhone(deps: { db: Database }, phone: string): Promise<void> {
  await deleteBlockedPhone(deps.db, e164(phone));
}
