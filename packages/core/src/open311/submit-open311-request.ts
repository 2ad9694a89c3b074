import type { CreateCaseBody, Open311RequestBody } from '@hotline/contracts';
import {
  findOpen311Service,
  inTransaction,
  insertLinkedAttachment,
  type Database,
  type RawSql,
} from '@hotline/db';
import { submitCase } from '../submit-case.js';
import { AppError, validationFailed, type FieldProblem } from '../errors.js';
import { authenticateApiKey } from '../api-keys/authenticate-api-key.js';
import { readAttributes, type Open311CreatedRequest } from './open311-views.js';

export interface SubmitOpen311Deps {
  db: Database;
  sql: RawSql;
  randomBytes: (size: number) => Uint8Array;
}

const TEXT_MAX = 5000;

const clean = (s: string | undefined) => {
  const v = s?.normalize('NFC').trim();
  return v ? v : undefined;
};

// Our intake's field names, back in the spec's.
const OPEN311_FIELD: Record<string, string> = {
  text: 'description',
  categoryCode: 'service_code',
  'citizen.phone': 'phone',
  address: 'address_string',
};

function coordinates(body: Open311RequestBody, problems: FieldProblem[]) {
  const lat = clean(body.lat);
  const lng = clean(body.long);
  if (lat === undefined && lng === undefined) return undefined;
  const location = { lat: Number(lat), lng: Number(lng) };
  if (lat === undefined || !Number.isFinite(location.lat) || Math.abs(location.lat) > 90) {
    problems.push({ field: 'lat', reason: 'out_of_range' });
  }
  if (lng === undefined || !Number.isFinite(location.lng) || Math.abs(location.lng) > 180) {
    problems.push({ field: 'long', reason: 'out_of_range' });
  }
  return location;
}

function mediaUrl(body: Open311RequestBody, problems: FieldProblem[]) {
  const raw = clean(body.media_url);
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push({ field: 'media_url', reason: 'invalid_format' });
    return undefined;
  }
  return url;
}

/** `attribute[code]=…` answers, as lines appended to the case text. */
function attributeLines(body: Open311RequestBody) {
  return Object.entries(body.attribute ?? {}).flatMap(([code, value]) => {
    const answers =
      typeof value === 'string' || Array.isArray(value) ? [value] : Object.values(value);
    const text = answers
      .flat()
      .map((v) => v.normalize('NFC').trim())
      .filter(Boolean);
    return text.length > 0 ? [`${code}: ${text.join(', ')}`] : [];
  });
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

/**
 * Takes in an Open311 service request: checks the app's key, maps the spec's fields onto our
 * intake and submits the case on the `open311` channel. A media_url is kept as a link.
 */
export async function submitOpen311Request(
  deps: SubmitOpen311Deps,
  body: Open311RequestBody,
  apiKey: string | undefined,
  now: Date,
): Promise<Open311CreatedRequest[]> {
  await authenticateApiKey(deps, apiKey, now);
  const serviceCode = clean(body.service_code);
  if (!serviceCode) throw validationFailed([{ field: 'service_code', reason: 'required' }]);
  const service = await findOpen311Service(deps.db, serviceCode);
  if (!service) throw validationFailed([{ field: 'service_code', reason: 'unknown_category' }]);

  const problems: FieldProblem[] = [];
  const location = coordinates(body, problems);
  const address = clean(body.address_string) ?? clean(body.address_id);
  if (!location && !address) problems.push({ field: 'lat', reason: 'location_required' });
  const media = mediaUrl(body, problems);
  const answered = body.attribute ?? {};
  for (const a of readAttributes(service.attributes)) {
    if (a.required && a.variable && !answered[a.code]) {
      problems.push({ field: `attribute[${a.code}]`, reason: 'required' });
    }
  }
  const email = clean(body.email);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push({ field: 'email', reason: 'invalid_format' });
  }
  if (problems.length > 0) throw validationFailed(problems);

  const name = [clean(body.first_name), clean(body.last_name)].filter(Boolean).join(' ');
  const phone = clean(body.phone);
  const text = [clean(body.description), attributeLines(body).join('\n')]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, TEXT_MAX);
  const caseBody: CreateCaseBody = {
    categoryCode: service.code,
    text,
    ...(name || phone || email
      ? {
          citizen: {
            ...(name ? { name: name.slice(0, 200) } : {}),
            ...(phone ? { phone } : {}),
            ...(email ? { email } : {}),
          },
        }
      : {}),
    ...(address ? { address } : {}),
    ...(location ? { location } : {}),
  };
  // The case and its media link in one transaction (the caller's, under an idempotency key).
  const submitted = await inTransaction(deps.sql, async (sql) => {
    const case_ = await submitCase(
      { ...deps, sql },
      { body: caseBody, channel: 'open311' },
      now,
    ).catch((err: unknown) => {
      if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
      throw validationFailed(
        err.problems.map((p) => ({ ...p, field: OPEN311_FIELD[p.field] ?? p.field })),
      );
    });
    if (media) {
      const fileName = decodeURIComponent(media.pathname.split('/').pop() ?? '') || 'media';
      const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
      await insertLinkedAttachment(sql, {
        caseId: case_.caseId,
        source: 'open311',
        url: media.href,
        fileName: fileName.slice(0, 200),
        contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      });
    }
    return case_;
  });
  return [
    {
      service_request_id: submitted.trackingCode,
      service_notice: `Đã tiếp nhận phản ánh. Mã tra cứu: ${submitted.trackingCode}`,
      account_id: null,
    },
  ];
}
