import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { changeCase, routeCase } from '@hotline/core';
import { loadCaseHistory, tables } from '@hotline/db';
import type { Principal } from '@hotline/domain';
import { adminRequest } from '../support/system.js';
import {
  codeIn,
  postTwilio,
  PUBLIC_BASE,
  sms,
  TWILIO_TOKEN,
  startSmsSystem,
  type SmsSystem,
} from './sms-support.js';

const JOIN_WINDOW_MS = 1500;

describe('SMS: joining window, commands, blocked numbers', () => {
  let sys: SmsSystem;
  let sql: postgres.Sql;
  let hotline: string;
  const caseOf = async (code: string) => {
    const [row] = await sql<{ id: string; status: string; unit_id: string | null }[]>`
      select id, status, unit_id from cases where tracking_code = ${code.replace('-', '')}`;
    return row!;
  };
  const send = async (from: string, body: string, to = hotline) => {
    const res = await postTwilio(sys.baseUrl, sms(from, to, body));
    expect(res.status).toBe(200);
    return res.text;
  };
  beforeAll(async () => {
    sys = await startSmsSystem('sms_cmds', {
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      PUBLIC_BASE_URL: PUBLIC_BASE,
      SMS_JOIN_WINDOW_MS: String(JOIN_WINDOW_MS),
    });
    sql = postgres(sys.database.url, { max: 2, onnotice: () => {} });
    hotline = sys.province.hotlineNumber;
  });
  afterAll(async () => {
    await sql.end();
    await sys.close();
  });

  it('messages within the window join one case in order; after it, a new case', async () => {
    const first = await send('0913000001', 'Cống thoát nước bị tắc ở ngõ 12,');
    const code = codeIn(first)!;
    const second = await send('0913000001', 'nước tràn vào nhà dân khi mưa.');
    expect(second).toContain(`Da bo sung tin nhan vao phan anh ${code}`);
    const third = await send('0913000001', 'Đã ba ngày rồi.');
    expect(third).toContain(code);
    const { id } = await caseOf(code);
    const history = await loadCaseHistory(sys.database.db, id);
    expect(history.map((h) => h.event)).toEqual([
      expect.objectContaining({ type: 'received' }),
      { type: 'message_added', text: 'nước tràn vào nhà dân khi mưa.', channel: 'sms' },
      { type: 'message_added', text: 'Đã ba ngày rồi.', channel: 'sms' },
    ]);
    await new Promise((r) => setTimeout(r, JOIN_WINDOW_MS + 100));
    const later = await send('0913000001', 'Thêm một việc khác: đèn đường hỏng.');
    expect(codeIn(later)).not.toBe(code);
    // Another phone never joins.
    const otherPhone = await send('0913000002', 'Cây xanh sắp đổ trước cổng trường.');
    expect(codeIn(otherPhone)).not.toBe(code);
  });

  it('TRA <code> and the code alone answer the status, only to the case’s own phone', async () => {
    const code = codeIn(await send('0913000003', 'Mất điện cả xóm từ sáng.'))!;
    expect(await send('0913000003', `TRA ${code}`)).toContain(`Phan anh ${code}: da tiep nhan.`);
    expect(await send('0913000003', code.toLowerCase().replace('-', ''))).toContain(
      `Phan anh ${code}: da tiep nhan.`,
    );
    const stranger = await send('0913000004', `TRA ${code}`);
    expect(stranger).toContain('Khong tim thay');
    expect(stranger).not.toContain(code);
    const [row] =
      await sql`select count(*)::int as n from inbound_messages where outcome = 'command'`;
    expect(row!.n).toBe(3);
  });

  it('HUY <code> withdraws the sender’s own untouched case; not someone else’s', async () => {
    const code = codeIn(await send('0913000005', 'Xin hủy: gửi nhầm nội dung này.'))!;
    expect(await send('0913000006', `HUY ${code}`)).toContain('Khong tim thay');
    expect((await caseOf(code)).status).toBe('received');
    expect(await send('0913000005', `Hủy ${code}`)).toContain(`Da rut phan anh ${code}`);
    expect((await caseOf(code)).status).toBe('withdrawn');
    expect(await send('0913000005', `HUY ${code}`)).toContain('khong the rut');
  });

  it('a reply 1–5 after resolution rates the sender’s latest resolved case', async () => {
    const code = codeIn(await send('0913000007', 'Đường ngập sâu sau mưa lớn ở thôn 2.'))!;
    expect(await send('0913000007', '5')).toContain('chua co phan anh nao da giai quyet');
    const c = await caseOf(code);
    const now = () => new Date();
    const routed = await routeCase({ db: sys.database.db }, c.id, now());
    const unitId = routed.unitId!;
    const [h] = await sys.database.db
      .insert(tables.officials)
      .values({ unitId, fullName: 'Cán Bộ Xử Lý', email: 'xl@test.gov.vn', roles: ['handler'] })
      .returning();
    const handler: Principal = {
      kind: 'official',
      officialId: h!.id,
      roles: ['handler'],
      scopeUnitIds: new Set([unitId]),
    };
    const system: Principal = { kind: 'system', process: 'test' };
    await changeCase(
      { db: sys.database.db },
      c.id,
      { type: 'assigned', assigneeId: h!.id },
      system,
      now(),
    );
    await changeCase({ db: sys.database.db }, c.id, { type: 'accepted' }, handler, now());
    await changeCase(
      { db: sys.database.db },
      c.id,
      { type: 'resolved', resolutionText: 'Đã nạo vét cống.' },
      handler,
      now(),
    );
    expect(await send('0913000007', `TRA ${code}`)).toContain('da giai quyet');
    expect(await send('0913000007', '4')).toContain(`danh gia 4/5 cho phan anh ${code}`);
    expect(await send('0913000007', '5')).toContain('da duoc danh gia');
    const history = await loadCaseHistory(sys.database.db, c.id);
    expect(history.at(-1)?.event).toEqual({ type: 'rated', rating: 4 });
  });

  it('an SMS to an unknown number is routed to the province triage unit', async () => {
    const code = codeIn(await send('0913000008', 'Bò thả rông trên quốc lộ.', '+842399999999'))!;
    const c = await caseOf(code);
    const routed = await routeCase({ db: sys.database.db }, c.id, new Date());
    expect(routed.unitId).toBe(sys.province.triageUnitId);
  });

  it('a blocked number is refused: stored as blocked, no case, empty answer; admin API', async () => {
    const blocked = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/blocked-phones', {
      phone: '0913 000 009',
      reason: 'Tin rác lặp lại',
    });
    expect(blocked.status).toBe(201);
    expect(blocked.body).toMatchObject({ phone: '+84913000009', reason: 'Tin rác lặp lại' });
    const list = await adminRequest(sys.baseUrl, 'GET', '/v1/admin/blocked-phones');
    expect(list.body).toMatchObject({
      items: [expect.objectContaining({ phone: '+84913000009' })],
    });
    expect(
      (
        await adminRequest(sys.baseUrl, 'POST', '/v1/admin/blocked-phones', {
          phone: 'abc',
          reason: 'x',
        })
      ).status,
    ).toBe(400);

    const [before] = await sql`select count(*)::int as n from cases`;
    const res = await postTwilio(
      sys.baseUrl,
      sms('+84913000009', hotline, 'Quảng cáo vay tiền nhanh.'),
    );
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<Response\/>$/);
    expect(await send('+84913000009', 'TRA ABCD-EFGH')).toMatch(/<Response\/>$/);
    const [after] = await sql`select count(*)::int as n from cases`;
    expect(after!.n).toBe(before!.n);
    const rows =
      await sql`select outcome, case_id, reply from inbound_messages where from_phone = '+84913000009'`;
    expect(rows).toEqual([
      { outcome: 'blocked', case_id: null, reply: null },
      { outcome: 'blocked', case_id: null, reply: null },
    ]);

    const unblocked = await adminRequest(
      sys.baseUrl,
      'DELETE',
      `/v1/admin/blocked-phones/${encodeURIComponent('0913000009')}`,
    );
    expect(unblocked.status).toBe(204);
    expect(codeIn(await send('0913000009', 'Giờ đã được gửi phản ánh.'))).not.toBeNull();
    expect((await adminRequest(sys.baseUrl, 'GET', '/v1/admin/blocked-phones')).body).toEqual({
      items: [],
    });
  });
});
