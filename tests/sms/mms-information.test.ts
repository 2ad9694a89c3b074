import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMmsMedia } from '@hotline/core';
import { tables } from '@hotline/db';
import { bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addTriageOfficials, caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { pngOf } from '../web/portal-support.js';
import { postTwilio, PUBLIC_BASE, sms, TWILIO_TOKEN } from './sms-support.js';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const PHONE = '+84912345671';
const HOTLINE = '+842393999000';
const PNG = pngOf(40, 30);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Stands in for Twilio's media URLs: HTTP Basic with the account SID and auth token, and slow
 * to serve the first photo (a 503 once), as a provider under load is.
 */
function mediaServer() {
  const requests: { path: string; authorization: string | undefined }[] = [];
  let failedOnce = false;
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const expected = `Basic ${Buffer.from(`${ACCOUNT_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401).end();
      return;
    }
    if (req.url === '/Media/ME1') {
      if (!failedOnce) {
        failedOnce = true;
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      return;
    }
    if (req.url === '/Media/ME2') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
      return;
    }
    res.writeHead(404).end();
  });
  return { server, requests };
}

describe('MMS: a reply with photos answers a request for information', () => {
  let sys: TestSystem;
  let officials: Officials;
  const media = mediaServer();
  let mediaBase = '';

  beforeAll(async () => {
    await new Promise<void>((done) => media.server.listen(0, '127.0.0.1', done));
    mediaBase = `http://127.0.0.1:${(media.server.address() as AddressInfo).port}`;
    sys = await startSystem({
      label: 'mms-information',
      withWorker: false,
      env: {
        PUBLIC_BASE_URL: PUBLIC_BASE,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        MEDIA_FETCH_TIMEOUT_MS: '5000',
      },
    });
    officials = await addTriageOfficials(sys);
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
    await new Promise((done) => media.server.close(done));
  });

  it('attaches the media to the information, fetched by the worker (retried), stored once when Twilio retries', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', { phone: PHONE });
    sys.startWorker();
    const message = sms(PHONE, HOTLINE, 'Ảnh chụp vị trí và giấy xác nhận', {
      NumMedia: '2',
      MediaUrl0: `${mediaBase}/Media/ME1`,
      MediaContentType0: 'image/jpeg',
      MediaUrl1: `${mediaBase}/Media/ME2`,
      MediaContentType1: 'application/pdf',
    });
    const first = await postTwilio(sys.baseUrl, message);
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/thong tin bo sung \(kem 2 tep\)/i);
    // Twilio retries a webhook it thinks failed: the same answer, nothing stored twice.
    const retried = await postTwilio(sys.baseUrl, message);
    expect(retried.status).toBe(200);
    expect(retried.text).toBe(first.text);

    const { db } = sys.database;
    const events = await db
      .select({ version: tables.caseEvents.version, payload: tables.caseEvents.payload })
      .from(tables.caseEvents)
      .where(
        and(eq(tables.caseEvents.caseId, c.caseId), eq(tables.caseEvents.type, 'info_provided')),
      );
    expect(events).toHaveLength(1);
    const info = events[0]!;
    const ids = (info.payload as { attachmentIds: string[] }).attachmentIds;
    expect(ids).toHaveLength(2);
    const [row] = await db
      .select({ status: tables.cases.status })
      .from(tables.cases)
      .where(eq(tables.cases.id, c.caseId));
    expect(row!.status).toBe('in_progress');

    const files = () =>
      db
        .select()
        .from(tables.attachments)
        .where(eq(tables.attachments.caseId, c.caseId))
        .orderBy(tables.attachments.fileName);
    expect(await files()).toHaveLength(2);
    // The first photo failed once (503) and was fetched on the job's retry.
    await expect
      .poll(async () => (await files()).every((f) => f.storageKey !== null), { timeout: 20_000 })
      .toBe(true);
    const kept = await files();
    expect(kept).toHaveLength(2);
    expect(kept.map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(kept.map((f) => [f.fileName, f.contentType, f.sha256])).toEqual([
      ['mms-1.png', 'image/png', sha(PNG)],
      ['mms-2.pdf', 'application/pdf', sha(PDF)],
    ]);
    for (const f of kept) {
      const bytes = await readFile(join(sys.config.attachments.dir, f.storageKey!));
      expect(sha(bytes)).toBe(f.sha256);
    }
    expect(media.requests.filter((r) => r.path === '/Media/ME1')).toHaveLength(2);
    expect(media.requests.filter((r) => r.path === '/Media/ME2')).toHaveLength(1);

    // A job delivered again finds the file kept and fetches nothing.
    const before = media.requests.length;
    const again = await fetchMmsMedia(
      {
        db,
        dir: sys.config.attachments.dir,
        limits: sys.config.attachments,
        download: () => Promise.reject(new Error('must not download again')),
      },
      ids[0]!,
    );
    expect(again.outcome).toBe('already_kept');
    expect(media.requests.length).toBe(before);

    // Officials see both files with the information they came with, as files of ours.
    const headers = await bearerFor(sys.baseUrl, officials.handler.officialId);
    const detail = (await (
      await fetch(`${sys.baseUrl}/v1/cases/${c.caseId}/detail`, { headers })
    ).json()) as {
      attachments: { id: string; eventVersion: number | null; externalUrl: string | null }[];
    };
    expect(detail.attachments.map((a) => [a.eventVersion, a.externalUrl])).toEqual([
      [info.version, null],
      [info.version, null],
    ]);
    const download = await fetch(`${sys.baseUrl}/v1/cases/${c.caseId}/attachments/${kept[0]!.id}`, {
      headers,
    });
    expect(download.status).toBe(200);
    expect(sha(Buffer.from(await download.arrayBuffer()))).toBe(sha(PNG));
  }, 60_000);

  it('a message from a phone with no case awaiting information starts a new case; its media are kept too', async () => {
    const reply = await postTwilio(
      sys.baseUrl,
      sms('+84912345679', HOTLINE, 'Giấy tờ bị thu giữ trái phép', {
        NumMedia: '1',
        MediaUrl0: `${mediaBase}/Media/ME2`,
        MediaContentType0: 'application/pdf',
      }),
    );
    expect(reply.status).toBe(200);
    const code = /Ma tra cuu: ([2-9A-Z]{4})-([2-9A-Z]{4})/.exec(reply.text);
    expect(code).not.toBeNull();
    const { db } = sys.database;
    const [c] = await db
      .select({ id: tables.cases.id })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, `${code![1]}${code![2]}`));
    await expect
      .poll(
        async () =>
          (
            await db
              .select({ sha256: tables.attachments.sha256 })
              .from(tables.attachments)
              .where(eq(tables.attachments.caseId, c!.id))
          ).map((a) => a.sha256),
        { timeout: 20_000 },
      )
      .toEqual([sha(PDF)]);
  }, 60_000);
});
