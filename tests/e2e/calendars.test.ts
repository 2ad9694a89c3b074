import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, getJson, startSystem, type TestSystem } from '../support/system.js';

interface Day {
  date: string;
  isWorking: boolean;
  reason: string;
  label?: string;
}

describe('calendars over HTTP: days, deadlines, and the examples worked by hand', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'calendars' });
  });
  afterAll(async () => {
    await sys.close();
  });

  const deadline = async (from: string, duration: string, extra = '', calendar = 'default') => {
    const q = new URLSearchParams({ from, duration });
    const res = await getJson(
      sys.baseUrl,
      `/v1/calendars/${calendar}/deadline?${q.toString()}${extra}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.deadline as string;
  };
  const days = async (from: string, to: string, calendar = 'default') => {
    const res = await getJson(sys.baseUrl, `/v1/calendars/${calendar}/days?from=${from}&to=${to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.days as Day[];
  };

  it('lists the province calendar as `default`', async () => {
    const res = await getJson(sys.baseUrl, '/v1/calendars');
    expect(res.body.calendars).toContainEqual({
      id: 'default',
      name: 'Lịch làm việc của tỉnh',
      parentId: null,
    });
  });

  it('Friday 16:30 + PT2H: 30 minutes on Friday, 90 on Monday from 07:30', async () => {
    expect(await deadline('2026-11-20T16:30:00+07:00', 'PT2H')).toBe('2026-11-23T09:00:00+07:00');
  });

  it('11:00 + PT1H lands after lunch: 30 minutes before 11:30, 30 after 13:30', async () => {
    expect(await deadline('2026-11-24T11:00:00+07:00', 'PT1H')).toBe('2026-11-24T14:00:00+07:00');
  });

  it('P1D from Friday afternoon ends at the close of Monday', async () => {
    expect(await deadline('2026-11-20T16:00:00+07:00', 'P1D')).toBe('2026-11-23T17:00:00+07:00');
  });

  it('Tết 2027: holidays Fri 5 – Tue 9 February, the weekend inside gives Wed 10 and Thu 11 off', async () => {
    const tet = await days('2027-02-04', '2027-02-12');
    expect(tet.map((d) => [d.date, d.isWorking, d.reason])).toEqual([
      ['2027-02-04', true, 'working_day'],
      ['2027-02-05', false, 'holiday'],
      ['2027-02-06', false, 'holiday'],
      ['2027-02-07', false, 'holiday'],
      ['2027-02-08', false, 'holiday'],
      ['2027-02-09', false, 'holiday'],
      ['2027-02-10', false, 'compensatory_day'],
      ['2027-02-11', false, 'compensatory_day'],
      ['2027-02-12', true, 'working_day'],
    ]);
    expect(tet[1]?.label).toMatch(/Tết/);
    // Received on lunar new year's day (Saturday 6 February): P1D is the close of Friday 12.
    expect(await deadline('2027-02-06T09:00:00+07:00', 'P1D')).toBe('2027-02-12T17:00:00+07:00');
    // Working time received during Tết starts counting on Friday 12 at 07:30: 7 h 30 that day,
    // the last 30 minutes on Monday 15.
    expect(await deadline('2027-02-08T10:00:00+07:00', 'PT8H')).toBe('2027-02-15T08:00:00+07:00');
  });

  it('Giỗ Tổ 2026 falls on Sunday 26 April: Monday 27 April is the compensatory day', async () => {
    const april = await days('2026-04-25', '2026-05-04');
    expect(april.map((d) => [d.date, d.reason])).toEqual([
      ['2026-04-25', 'weekend'],
      ['2026-04-26', 'holiday'],
      ['2026-04-27', 'compensatory_day'],
      ['2026-04-28', 'working_day'],
      ['2026-04-29', 'working_day'],
      ['2026-04-30', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-05-02', 'weekend'],
      ['2026-05-03', 'weekend'],
      ['2026-05-04', 'working_day'],
    ]);
    expect(april[1]?.label).toMatch(/Hùng Vương/);
  });

  it('2 September 2029 is a Sunday (1 September a Saturday): Monday 3 and Tuesday 4 are off', async () => {
    const sept = await days('2029-08-31', '2029-09-05');
    expect(sept.map((d) => [d.date, d.reason])).toEqual([
      ['2029-08-31', 'working_day'],
      ['2029-09-01', 'holiday'],
      ['2029-09-02', 'holiday'],
      ['2029-09-03', 'compensatory_day'],
      ['2029-09-04', 'compensatory_day'],
      ['2029-09-05', 'working_day'],
    ]);
  });

  it('unit=calendar counts calendar days and moves a day off to the next working close', async () => {
    // Received Monday 1 February 2027; 10 calendar days later is Thursday 11 (a compensatory
    // Tết day), so the period ends at the close of Friday 12.
    expect(await deadline('2027-02-01T09:00:00+07:00', 'P10D', '&unit=calendar')).toBe(
      '2027-02-12T17:00:00+07:00',
    );
    expect(await deadline('2026-11-23T09:00:00+07:00', 'P3D', '&unit=calendar')).toBe(
      '2026-11-26T17:00:00+07:00',
    );
  });

  it('a Saturday worked by override counts, and an extra day off does not', async () => {
    const put = await adminRequest(
      sys.baseUrl,
      'PUT',
      '/v1/admin/calendars/default/overrides/2026-12-05',
      {
        kind: 'working',
        note: 'Làm bù cho ngày nghỉ 31/12',
      },
    );
    expect(put.status).toBe(200);
    const sat = await days('2026-12-05', '2026-12-05');
    expect(sat[0]).toMatchObject({
      isWorking: true,
      reason: 'override',
      label: 'Làm bù cho ngày nghỉ 31/12',
    });
    expect(await deadline('2026-12-04T16:30:00+07:00', 'PT2H')).toBe('2026-12-05T09:00:00+07:00');

    await adminRequest(sys.baseUrl, 'PUT', '/v1/admin/calendars/default/overrides/2026-12-07', {
      kind: 'day_off',
      note: 'Nghỉ bù',
    });
    expect(await deadline('2026-12-05T16:00:00+07:00', 'P1D')).toBe('2026-12-08T17:00:00+07:00');
    expect(
      (
        await adminRequest(
          sys.baseUrl,
          'DELETE',
          '/v1/admin/calendars/default/overrides/2026-12-07',
        )
      ).status,
    ).toBe(204);
    expect(await deadline('2026-12-05T16:00:00+07:00', 'P1D')).toBe('2026-12-07T17:00:00+07:00');
  });

  it('a unit calendar inherits the province’s and overrides its own days', async () => {
    const created = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/calendars', {
      id: 'mot-cua',
      name: 'Bộ phận một cửa (làm sáng thứ Bảy)',
      parentId: 'default',
      weekly: [
        [],
        [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        [{ start: '07:30', end: '11:30' }],
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Saturday mornings are worked; Tết still comes from the province.
    expect(await deadline('2026-11-20T16:30:00+07:00', 'PT2H', '', 'mot-cua')).toBe(
      '2026-11-21T09:00:00+07:00',
    );
    const tet = await days('2027-02-06', '2027-02-06', 'mot-cua');
    expect(tet[0]).toMatchObject({ isWorking: false, reason: 'holiday' });
  });

  it('names the bad parameter', async () => {
    const cases: [string, string, string][] = [
      ['/v1/calendars/default/deadline?from=yesterday&duration=PT1H', 'from', 'invalid_instant'],
      [
        '/v1/calendars/default/deadline?from=2026-11-20T09:00:00%2B07:00&duration=P1W',
        'duration',
        'invalid_duration',
      ],
      [
        '/v1/calendars/default/deadline?from=2026-11-20T09:00:00%2B07:00&duration=PT1H&unit=lunar',
        'unit',
        'not_allowed',
      ],
      ['/v1/calendars/default/deadline?duration=PT1H', 'from', 'required'],
      ['/v1/calendars/default/days?from=2026-02-30&to=2026-03-01', 'from', 'invalid_date'],
      ['/v1/calendars/default/days?from=2026-01-01&to=2027-06-01', 'to', 'range_too_long'],
      ['/v1/calendars/default/days?from=2026-03-01&to=2026-02-01', 'to', 'before_from'],
    ];
    for (const [path, field, reason] of cases) {
      const res = await getJson(sys.baseUrl, path);
      expect(res.status, path).toBe(400);
      expect(res.body.errors, path).toContainEqual(expect.objectContaining({ field, reason }));
    }
    expect(
      (await getJson(sys.baseUrl, '/v1/calendars/khong-co/days?from=2026-01-01&to=2026-01-02'))
        .status,
    ).toBe(404);
  });

  it('keeps the admin API behind the token', async () => {
    const res = await fetch(`${sys.baseUrl}/v1/admin/sla-policies`);
    expect(res.status).toBe(401);
    const wrong = await fetch(`${sys.baseUrl}/v1/admin/sla-policies`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses to delete the province calendar or one in use, and rejects cycles', async () => {
    expect((await adminRequest(sys.baseUrl, 'DELETE', '/v1/admin/calendars/default')).status).toBe(
      409,
    );
    await adminRequest(sys.baseUrl, 'POST', '/v1/admin/calendars', {
      id: 'con',
      name: 'Con',
      parentId: 'mot-cua',
    });
    expect((await adminRequest(sys.baseUrl, 'DELETE', '/v1/admin/calendars/mot-cua')).status).toBe(
      409,
    );
    const cycle = await adminRequest(sys.baseUrl, 'PUT', '/v1/admin/calendars/mot-cua', {
      name: 'x',
      parentId: 'con',
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body?.errors).toContainEqual(
      expect.objectContaining({ field: 'parentId', reason: 'cycle' }),
    );
    expect((await adminRequest(sys.baseUrl, 'DELETE', '/v1/admin/calendars/con')).status).toBe(204);
  });
});

describe('SLA policies over HTTP', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'policies' });
  });
  afterAll(async () => {
    await sys.close();
  });

  const policy = {
    caseType: 'feedback',
    categoryCode: 'xay-dung',
    priority: null,
    acceptance: { duration: 'PT4H', unit: 'working' },
    firstResponse: { duration: 'P1D', unit: 'working' },
    resolution: { duration: 'P7D', unit: 'working' },
    resolutionComplex: null,
    resolutionFrom: 'receipt',
    warningFraction: 0.8,
    maxExtensions: 1,
    maxExtensionsComplex: 1,
    maxExtension: { duration: 'P3D', unit: 'working' },
    escalation: {
      rung2After: { duration: 'PT8H', unit: 'working' },
      rung3After: { duration: 'P1D', unit: 'working' },
    },
    transferResetsDeadline: false,
  };

  it('lists the built-in defaults, then creates, replaces and deletes a policy', async () => {
    const list = await adminRequest(sys.baseUrl, 'GET', '/v1/admin/sla-policies');
    const defaults = (list.body?.policies as { caseType: string; isDefault: boolean }[]).filter(
      (p) => p.isDefault,
    );
    expect(defaults.map((p) => p.caseType).sort()).toEqual([
      'complaint',
      'denunciation',
      'feedback',
      'leader_hotline',
    ]);

    const created = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/sla-policies', policy);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ categoryCode: 'xay-dung', isDefault: false });
    const id = created.body!.id as string;

    expect((await adminRequest(sys.baseUrl, 'POST', '/v1/admin/sla-policies', policy)).status).toBe(
      409,
    );

    const replaced = await adminRequest(sys.baseUrl, 'PUT', `/v1/admin/sla-policies/${id}`, {
      ...policy,
      resolution: { duration: 'P5D', unit: 'working' },
    });
    expect(replaced.body?.resolution).toEqual({ duration: 'P5D', unit: 'working' });
    expect((await adminRequest(sys.baseUrl, 'DELETE', `/v1/admin/sla-policies/${id}`)).status).toBe(
      204,
    );
    expect((await adminRequest(sys.baseUrl, 'DELETE', `/v1/admin/sla-policies/${id}`)).status).toBe(
      404,
    );
  });

  it('names what is wrong in a policy', async () => {
    const bad = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/sla-policies', {
      ...policy,
      categoryCode: 'khong-co',
      resolution: { duration: 'P1W', unit: 'working' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'resolution.duration', reason: 'invalid_duration' }),
        expect.objectContaining({ field: 'categoryCode', reason: 'unknown_category' }),
      ]),
    );
  });
});
