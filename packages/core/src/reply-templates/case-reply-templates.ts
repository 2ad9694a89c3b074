import type { CaseTemplateList, TemplatePurpose } from '@hotline/contracts';
import {
  findCaseInScope,
  findTemplateFactsOfCase,
  listReplyTemplatesForCase,
  type Database,
} from '@hotline/db';
import {
  DEFAULT_TIME_ZONE,
  fillTemplate,
  formatLocalTime,
  formatTrackingCode,
  type TemplateValues,
} from '@hotline/domain';
import { caseScopeFor, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';

/**
 * The templates one form offers for a case in the official's scope, each filled with the case's
 * code, unit, deadline, category and date of receipt (written in the unit's zone).
 */
export async function listCaseReplyTemplates(
  deps: { db: Database; timeZone?: string },
  who: ActingOfficial,
  ref: string,
  purpose: TemplatePurpose,
): Promise<CaseTemplateList> {
  requireAccess(who, 'case.read');
  const scope = await caseScopeFor(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const facts = await findTemplateFactsOfCase(deps.db, row.id);
  if (!facts) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const zone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  const values: TemplateValues = {
    ma_phan_anh: formatTrackingCode(facts.trackingCode),
    don_vi: facts.unitName,
    han_xu_ly: facts.resolutionDueAt ? formatLocalTime(facts.resolutionDueAt, zone) : null,
    linh_vuc: facts.categoryName,
    // The date alone: `HH:mm dd/MM/yyyy` without its time.
    ngay_tiep_nhan: formatLocalTime(facts.receivedAt, zone).slice(6),
  };
  const rows = await listReplyTemplatesForCase(deps.db, {
    unitId: facts.unitId,
    categoryId: facts.categoryId,
    purpose,
  });
  return {
    templates: rows.map((t) => ({ id: t.id, title: t.title, ...fillTemplate(t.body, values) })),
  };
}
