import type { PublicCase } from '@hotline/contracts';
import { findPublicCase, findUnitsByIds, listCaseEvents, type Database } from '@hotline/db';
import {
  PUBLIC_EVENT_TYPES,
  describePublicEvent,
  formatTrackingCode,
  isValidTrackingCode,
  nameIn,
  normalizeTrackingCode,
  unitIdNamedBy as unitIdOf,
  type CaseEventType,
  type Lang,
} from '@hotline/domain';
import { AppError, validationFailed } from './errors.js';

/**
 * The citizen's view of a case by tracking code: status, unit and public timeline only, with
 * names in `lang` (Vietnamese where no English name is set).
 */
export async function getPublicCase(
  deps: { db: Database },
  rawCode: string,
  lang: Lang = 'vi',
): Promise<PublicCase> {
  if (!isValidTrackingCode(rawCode)) {
    throw validationFailed([{ field: 'trackingCode', reason: 'invalid_tracking_code' }]);
  }
  // One snapshot: the case row and its events must agree (a routing commit between two
  // separate reads showed a routed timeline with no unit).
  const loaded = await deps.db.transaction(
    async (tx) => {
      const row = await findPublicCase(tx, normalizeTrackingCode(rawCode));
      if (!row) return null;
      const events = await listCaseEvents(tx, row.id, [...PUBLIC_EVENT_TYPES]);
      const unitIds = [
        ...new Set(events.map((e) => unitIdOf(e.payload)).filter((x) => x !== null)),
      ];
      return { row, events, units: await findUnitsByIds(tx, unitIds) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  if (!loaded) throw new AppError('CASE_NOT_FOUND', 'no case with this tracking code');
  const { row, events } = loaded;
  const units = new Map(
    loaded.units.map((u) => [u.id, { code: u.code, name: nameIn(lang, u.name, u.nameEn) }]),
  );
  return {
    trackingCode: formatTrackingCode(row.trackingCode),
    status: row.status,
    type: row.type,
    channel: row.channel,
    category: { code: row.categoryCode, name: nameIn(lang, row.categoryName, row.categoryNameEn) },
    unit:
      row.unitCode && row.unitName
        ? { code: row.unitCode, name: nameIn(lang, row.unitName, row.unitNameEn) }
        : null,
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    timeline: events.map((e) => {
      const unitId = unitIdOf(e.payload);
      const unit = unitId ? units.get(unitId) : undefined;
      return {
        type: e.type,
        at: e.occurredAt.toISOString(),
        description: describePublicEvent(e.type as CaseEventType, unit?.name),
        ...(unit ? { unit: { code: unit.code, name: unit.name } } : {}),
      };
    }),
  };
}
