import {
  deleteBlockedPhone,
  findBlockedPhone,
  listBlockedPhones,
  upsertBlockedPhone,
  type BlockedPhoneRow,
  type Database,
} from '@hotline/db';
import { normalizeVietnamesePhone } from '@hotline/domain';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { validationFailed } from '../errors.js';

// The number is the entity's id: administrators see it in the list already, and an audit row
// that did not name it could not say what was blocked.
const ENTITY = 'blocked_phone';

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
  by: AdminActor,
): Promise<BlockedPhoneView> {
  const reason = input.reason.normalize('NFC').trim();
  if (!reason) throw validationFailed([{ field: 'reason', reason: 'required' }]);
  const phone = e164(input.phone);
  return deps.db.transaction(async (tx) => {
    const previous = await findBlockedPhone(tx, phone);
    const after = view(await upsertBlockedPhone(tx, { phone, reason, createdByOfficialId: by }));
    const before = previous ? view(previous) : null;
    await audit(tx, by, 'blocked_phone.block', ENTITY, phone, before, after);
    return after;
  });
}

/** Unblocks a number; unblocking one that is not blocked is not an error (and no change). */
export async function unblockPhone(
  deps: { db: Database },
  phone: string,
  by: AdminActor,
): Promise<void> {
  const number = e164(phone);
  await deps.db.transaction(async (tx) => {
    const previous = await findBlockedPhone(tx, number);
    if (!previous || !(await deleteBlockedPhone(tx, number))) return;
    await audit(tx, by, 'blocked_phone.unblock', ENTITY, number, view(previous), null);
  });
}
