import { randomBytes } from 'node:crypto';
import { changeCase, routeCase, submitCase } from '@hotline/core';
import type { TestSystem } from '../support/system.js';

let seq = 0;

/** A citizen's case from the web form, routed (to the triage unit: no rules here). */
export async function routedCase(
  system: TestSystem,
  extra: { text?: string; phone?: string; isAnonymous?: boolean; communeCode?: string } = {},
) {
  seq += 1;
  const submitted = await submitCase(
    { sql: system.database.raw, randomBytes },
    {
      body: {
        categoryCode: 'xay-dung',
        text:
          extra.text ?? `Phản ánh số ${seq}: ${randomBytes(6).toString('hex')} lấn chiếm vỉa hè.`,
        citizen: {
          name: 'Nguyễn Thị Dân',
          phone: extra.phone ?? `09120${String(10000 + seq).slice(-5)}`,
        },
        ...(extra.isAnonymous ? { isAnonymous: true } : {}),
        ...(extra.communeCode ? { communeCode: extra.communeCode } : {}),
        address: '12 Trần Phú',
      },
      channel: 'web',
      actor: { kind: 'citizen' },
    },
    new Date(),
  );
  await routeCase({ db: system.database.db }, submitted.caseId, new Date());
  return submitted;
}

/** The citizen answers an information request (their own follow-up path). */
export const citizenProvides = (system: TestSystem, caseId: string, text: string) =>
  changeCase(
    { db: system.database.db },
    caseId,
    { type: 'info_provided', text },
    { kind: 'citizen' },
    new Date(),
  );

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** POST JSON with an official's headers. */
export async function act(
  baseUrl: string,
  headers: Record<string, string>,
  ref: string,
  action: string,
  body: Record<string, unknown> = {},
  extraHeaders: Record<string, string> = {},
): Promise<Reply> {
  const res = await fetch(`${baseUrl}/v1/cases/${ref}/${action}`, {
    method: 'POST',
    headers: { ...headers, ...extraHeaders },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function detail(baseUrl: string, headers: Record<string, string>, ref: string) {
  const res = await fetch(`${baseUrl}/v1/cases/${ref}/detail`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A 1×1 PNG: real magic bytes for the upload checks. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function uploadAsOfficial(
  baseUrl: string,
  headers: Record<string, string>,
  ref: string,
) {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'anh.png');
  const res = await fetch(`${baseUrl}/v1/cases/${ref}/official-attachments`, {
    method: 'POST',
    headers: { authorization: headers.authorization ?? '' },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}
