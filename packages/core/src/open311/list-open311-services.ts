import {
  findOpen311Service,
  listOpen311Services as listServiceRows,
  type Database,
} from '@hotline/db';
import { nameIn, type Lang } from '@hotline/domain';
import { AppError } from '../errors.js';
import {
  readAttributes,
  type Open311Service,
  type Open311ServiceDefinition,
} from './open311-views.js';

/** Active categories as Open311 services, named in `lang`. */
export async function listOpen311Services(
  deps: { db: Database },
  lang: Lang = 'vi',
): Promise<Open311Service[]> {
  const rows = await listServiceRows(deps.db);
  return rows.map((c) => ({
    service_code: c.code,
    service_name: nameIn(lang, c.name, c.nameEn),
    description: nameIn(lang, c.description, c.descriptionEn) || null,
    metadata: readAttributes(c.attributes).length > 0,
    type: 'realtime' as const,
    keywords: c.keywords || null,
    group: c.groupName,
  }));
}

/** A service's definition: the extra questions (attributes) of an active category. */
export async function getOpen311ServiceDefinition(
  deps: { db: Database },
  serviceCode: string,
): Promise<Open311ServiceDefinition> {
  const row = await findOpen311Service(deps.db, serviceCode);
  if (!row) throw new AppError('SERVICE_NOT_FOUND', `no service with code ${serviceCode}`);
  const attributes = readAttributes(row.attributes).sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER),
  );
  return { service_code: row.code, attributes };
}
