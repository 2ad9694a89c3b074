import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAsOfficial } from '../case-actions/helpers.js';
import { startSystem, type TestSystem } from '../support/system.js';
import {
  buildAuthzWorld,
  MATRIX_ROLES,
  SCOPED_ROLES,
  type AuthzWorld,
  type CaseSetup,
  type MatrixRole,
} from './authz-fixtures.js';

type Outcome = '2xx' | '403' | '404' | '409';
type Expected = Record<MatrixRole, Outcome>;

/** 2xx for the roles named, 403 for every other role. */
const allow = (...roles: MatrixRole[]): Expected =>
  Object.fromEntries(MATRIX_ROLES.map((r) => [r, roles.includes(r) ? '2xx' : '403'])) as Expected;
const everyone = allow(...MATRIX_ROLES);
const LEADERS: MatrixRole[] = ['unit_leader', 'hotline_owner', 'supervisor', 'admin'];
const TRIAGERS: MatrixRole[] = ['operator', 'unit_leader', 'supervisor', 'admin'];

interface Ctx {
  world: AuthzWorld;
  /** Another in-scope case, open and unassigned: what a merge points at. */
  mergeTarget: string;
}
type Body = Record<string, unknown> | 'multipart';

/**
 * One row per officials' endpoint on a case, as the OpenAPI document names it. `setup` is the
 * state in which the action is legal, so only role and scope decide; `mutates` says whether a
 * success changes the case (then each successful check gets a fresh one). Out of scope, the
 * unit- and hotline-scoped roles get 404 on every row; province-wide roles have no "outside".
 */
interface CaseRow {
  path: `/v1/cases/{id}/${string}`;
  method: 'GET' | 'POST';
  setup: CaseSetup;
  body?: (ctx: Ctx) => Body;
  /** A query string the route requires, e.g. `?purpose=reply`. */
  query?: string;
  mutates: boolean;
  expect: Expected;
}

const CASE_ROWS: CaseRow[] = [
  {
    path: '/v1/cases/{id}/detail',
    method: 'GET',
    setup: 'in_progress',
    mutates: false,
    expect: everyone,
  },
  {
    path: '/v1/cases/{id}/reply-templates',
    method: 'GET',
    setup: 'in_progress',
    query: '?purpose=reply',
    mutates: false,
    expect: everyone,
  },
  {
    path: '/v1/cases/{id}/accept',
    method: 'POST',
    setup: 'assigned',
    mutates: true,
    expect: allow('handler', 'unit_leader'),
  },
  {
    path: '/v1/cases/{id}/assign',
    method: 'POST',
    setup: 'routed',
    mutates: true,
    body: (c) => ({ assigneeId: c.world.ids.handler }),
    expect: allow('operator', 'unit_leader', 'admin'),
  },
  {
    path: '/v1/cases/{id}/reassign',
    method: 'POST',
    setup: 'assigned',
    mutates: true,
    body: (c) => ({ assigneeId: c.world.handler2Id }),
    expect: allow('operator', 'unit_leader', 'admin'),
  },
  {
    path: '/v1/cases/{id}/request-information',
    method: 'POST',
    setup: 'in_progress',
    mutates: true,
    body: () => ({ question: 'Xin cho biết số nhà?' }),
    expect: allow('handler', 'unit_leader'),
  },
  {
    path: '/v1/cases/{id}/transfer',
    method: 'POST',
    setup: 'in_progress',
    mutates: true,
    body: () => ({ toUnitCode: 'triage', reason: 'Không thuộc thẩm quyền' }),
    expect: allow('operator', 'handler', 'unit_leader', 'supervisor', 'admin'),
  },
  {
    path: '/v1/cases/{id}/request-extension',
    method: 'POST',
    setup: 'in_progress',
    mutates: true,
    body: () => ({ duration: 'P1D', reason: 'Cần khảo sát' }),
    expect: allow('handler', 'unit_leader'),
  },
  {
    path: '/v1/cases/{id}/grant-extension',
    method: 'POST',
    setup: 'extension_pending',
    mutates: true,
    body: () => ({ reason: 'Đồng ý gia hạn' }),
    expect: allow(...LEADERS),
  },
  {
    path: '/v1/cases/{id}/refuse-extension',
    method: 'POST',
    setup: 'extension_pending',
    mutates: true,
    body: () => ({ reason: 'Không đủ căn cứ' }),
    expect: allow(...LEADERS),
  },
  {
    path: '/v1/cases/{id}/comment',
    method: 'POST',
    setup: 'in_progress',
    mutates: false,
    body: () => ({ text: 'Ghi chú nội bộ' }),
    expect: allow('operator', 'handler', 'unit_leader', 'hotline_owner', 'supervisor', 'admin'),
  },
  {
    path: '/v1/cases/{id}/reply',
    method: 'POST',
    setup: 'in_progress',
    mutates: false,
    body: () => ({ text: 'Đã tiếp nhận, đang kiểm tra.' }),
    expect: allow('handler', 'unit_leader'),
  },
  {
    path: '/v1/cases/{id}/resolve',
    method: 'POST',
    setup: 'in_progress',
    mutates: true,
    body: () => ({ answer: 'Đã xử lý vi phạm.' }),
    expect: allow('handler', 'unit_leader'),
  },
  {
    path: '/v1/cases/{id}/approve-resolution',
    method: 'POST',
    setup: 'resolution_pending',
    mutates: true,
    expect: allow('unit_leader'),
  },
  {
    path: '/v1/cases/{id}/refuse-resolution',
    method: 'POST',
    setup: 'resolution_pending',
    mutates: true,
    body: () => ({ reason: 'Chưa đủ căn cứ' }),
    expect: allow(...LEADERS),
  },
  {
    path: '/v1/cases/{id}/close',
    method: 'POST',
    setup: 'resolved',
    mutates: true,
    expect: allow('supervisor', 'admin'),
  },
  {
    path: '/v1/cases/{id}/reject',
    method: 'POST',
    setup: 'in_progress',
    mutates: true,
    body: () => ({ reason: 'spam', note: 'Nội dung quảng cáo' }),
    expect: allow(...TRIAGERS),
  },
  {
    path: '/v1/cases/{id}/merge',
    method: 'POST',
    setup: 'routed',
    mutates: true,
    body: (c) => ({ into: c.mergeTarget }),
    expect: allow(...TRIAGERS),
  },
  {
    path: '/v1/cases/{id}/official-attachments',
    method: 'POST',
    setup: 'in_progress',
    mutates: false,
    body: () => 'multipart',
    expect: allow('operator', 'handler', 'unit_leader', 'hotline_owner', 'supervisor', 'admin'),
  },
  {
    // Whom a case can be assigned to (the console's assign form): read-only.
    path: '/v1/cases/{id}/assignees',
    method: 'GET',
    setup: 'routed',
    mutates: false,
    expect: everyone,
  },
  {
    // A file of the case (an administrator attaches one first, see call()).
    path: '/v1/cases/{id}/attachments/{attachmentId}',
    method: 'GET',
    setup: 'in_progress',
    mutates: false,
    expect: everyone,
  },
];

/**
 * The state machine refuses in scope: each action by a role that may take it, on a case in a
 * status where it is illegal → 409 (a role that may never take the action hears 403 first).
 */
const ILLEGAL: { action: string; setup: CaseSetup; as: MatrixRole; body?: Body }[] = [
  { action: 'accept', setup: 'in_progress', as: 'handler' },
  { action: 'assign', setup: 'resolved', as: 'unit_leader', body: { assigneeId: 'x' } },
  { action: 'request-information', setup: 'assigned', as: 'handler', body: { question: '?' } },
  {
    action: 'transfer',
    setup: 'resolved',
    as: 'supervisor',
    body: { toUnitCode: 'triage', reason: 'r' },
  },
  {
    action: 'request-extension',
    setup: 'resolved',
    as: 'handler',
    body: { duration: 'P1D', reason: 'r' },
  },
  {
    action: 'grant-extension',
    setup: 'closed',
    as: 'unit_leader',
    body: { reason: 'r', duration: 'P1D' },
  },
  { action: 'reply', setup: 'resolved', as: 'handler', body: { text: 't' } },
  { action: 'resolve', setup: 'closed', as: 'unit_leader', body: { answer: 'a' } },
  { action: 'close', setup: 'in_progress', as: 'supervisor' },
  { action: 'reject', setup: 'closed', as: 'supervisor', body: { reason: 'spam', note: 'n' } },
  { action: 'merge', setup: 'in_progress', as: 'operator', body: { into: 'TARGET' } },
];

/** Endpoints that are not about one case: scope filters what they list, never the status. */
interface OtherRow {
  path: string;
  method: 'GET' | 'POST';
  query?: string;
  body?: Record<string, unknown>;
  expect: Expected;
}
const PERIOD = 'from=2025-01-01&to=2030-12-31';
const callBody = () => ({
  callerNumber: '0913099999',
  hotline: '+842393000111',
  startedAt: new Date(Date.now() - 120_000).toISOString(),
  endedAt: new Date(Date.now() - 60_000).toISOString(),
  summary: 'Phản ánh qua điện thoại',
  categoryCode: 'xay-dung',
});
const CALL_TAKERS: MatrixRole[] = ['operator', 'hotline_owner', 'supervisor', 'admin'];
const OTHER_ROWS: OtherRow[] = [
  ...['mine', 'unit', 'unassigned', 'escalated', 'all'].map((q): OtherRow => ({
    path: `/v1/queues/${q}`,
    method: 'GET',
    expect: everyone,
  })),
  ...['overdue', 'at-risk', 'escalations', 'transferred'].flatMap((l): OtherRow[] => [
    { path: `/v1/oversight/${l}`, method: 'GET', expect: everyone },
    { path: `/v1/oversight/${l}/export`, method: 'GET', expect: everyone },
  ]),
  ...['units', 'officials', 'series'].flatMap((r): OtherRow[] => [
    {
      path: `/v1/reports/${r}`,
      method: 'GET',
      query: r === 'series' ? `${PERIOD}&interval=month` : PERIOD,
      expect: everyone,
    },
    {
      path: `/v1/reports/${r}/export`,
      method: 'GET',
      query: r === 'series' ? `${PERIOD}&interval=month` : PERIOD,
      expect: everyone,
    },
  ]),
  // The dashboard's charts and leader view: scoped reads, like the reports.
  ...['backlog-series', 'escalation-rungs', 'transfer-flows', 'hotlines'].flatMap(
    (c): OtherRow[] => [
      { path: `/v1/oversight/${c}`, method: 'GET', query: PERIOD, expect: everyone },
      { path: `/v1/oversight/${c}/export`, method: 'GET', query: PERIOD, expect: everyone },
    ],
  ),
  { path: '/v1/reports/breakdown', method: 'GET', query: `${PERIOD}&by=channel`, expect: everyone },
  {
    path: '/v1/reports/breakdown/export',
    method: 'GET',
    query: `${PERIOD}&by=category`,
    expect: everyone,
  },
  { path: '/v1/calls', method: 'POST', body: callBody(), expect: allow(...CALL_TAKERS) },
  {
    path: '/v1/calls/caller-cases',
    method: 'POST',
    body: { phone: '0913099999' },
    expect: allow(...CALL_TAKERS),
  },
];

const classOf = (status: number): string => (status >= 200 && status < 300 ? '2xx' : `${status}`);

describe('authorisation matrix: role × officials’ endpoint × scope', () => {
  let system: TestSystem;
  let world: AuthzWorld;
  let ctx: Ctx;
  const shared = new Map<string, Promise<string>>();

  beforeAll(async () => {
    // Hundreds of requests from a few tokens in seconds: lift the per-minute limits.
    system = await startSystem({
      label: 'authz_matrix',
      withWorker: false,
      env: { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_READS_PER_MINUTE: '100000' },
    });
    world = await buildAuthzWorld(system);
    ctx = { world, mergeTarget: await world.caseIn('routed') };
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  /** A case in the state; shared between checks that leave it as it was. */
  const caseFor = (where: 'in' | 'out', setup: CaseSetup, fresh: boolean) => {
    const make = () => (where === 'in' ? world.caseIn(setup) : world.caseOut(setup));
    if (fresh) return make();
    const key = `${where}:${setup}`;
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key)!;
  };

  /** One file per case for the download row, attached once. */
  const filesOfCases = new Map<string, string>();
  async function call(row: CaseRow, role: MatrixRole, caseId: string) {
    const headers = world.headers[role];
    const body = row.body?.(ctx);
    if (body === 'multipart')
      return (await uploadAsOfficial(system.baseUrl, headers, caseId)).status;
    let path = row.path.replace('{id}', caseId);
    if (path.includes('{attachmentId}')) {
      let fileId = filesOfCases.get(caseId);
      if (!fileId) {
        const stored = await uploadAsOfficial(system.baseUrl, world.headers.admin, caseId);
        if (stored.status !== 201) throw new Error(`attaching: ${JSON.stringify(stored)}`);
        fileId = (stored.body as { id: string }[])[0]!.id;
        filesOfCases.set(caseId, fileId);
      }
      path = path.replace('{attachmentId}', fileId);
    }
    const url = `${system.baseUrl}${path}${row.query ?? ''}`;
    const res = await fetch(url, {
      method: row.method,
      headers,
      ...(row.method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('has a row for every officials’ route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${system.baseUrl}/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    // Citizens' follow-up routes are keyed by {trackingCode}; officials' by {id}.
    const prefixes = [
      '/v1/cases/{id}/',
      '/v1/queues/',
      '/v1/oversight/',
      '/v1/reports/',
      '/v1/calls',
    ];
    const documented = Object.entries(doc.paths)
      .filter(([p]) => prefixes.some((x) => p.startsWith(x)))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const queueRoute = documented.find((r) => r.startsWith('GET /v1/queues/'));
    expect(queueRoute).toBe('GET /v1/queues/{queue}');
    const tabled = new Set([
      ...CASE_ROWS.map((r) => `${r.method} ${r.path}`),
      ...OTHER_ROWS.map(
        (r) => `${r.method} ${r.path.startsWith('/v1/queues/') ? '/v1/queues/{queue}' : r.path}`,
      ),
    ]);
    expect(documented.filter((r) => !tabled.has(r))).toEqual([]);
    expect([...tabled].filter((r) => !documented.includes(r))).toEqual([]);
  });

  for (const row of CASE_ROWS) {
    it(`${row.method} ${row.path}`, async () => {
      const seen: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const role of MATRIX_ROLES) {
        const fresh = row.mutates && row.expect[role] === '2xx';
        seen[`${role} in`] = classOf(await call(row, role, await caseFor('in', row.setup, fresh)));
        wanted[`${role} in`] = row.expect[role];
        if (SCOPED_ROLES.includes(role)) {
          seen[`${role} out`] = classOf(
            await call(row, role, await caseFor('out', row.setup, false)),
          );
          wanted[`${role} out`] = '404';
        }
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('auditor: 2xx on every read in scope, 403 on every action', async () => {
    const caseId = await caseFor('in', 'in_progress', false);
    for (const row of CASE_ROWS) {
      expect(row.expect.auditor, row.path).toBe(row.method === 'GET' ? '2xx' : '403');
    }
    for (const row of OTHER_ROWS) {
      expect(row.expect.auditor, row.path).toBe(row.method === 'GET' ? '2xx' : '403');
    }
    expect(await call(CASE_ROWS[0]!, 'auditor', caseId)).toBe(200);
  });

  it('the state machine answers 409 for an action illegal in the status, in scope', async () => {
    const seen: Record<string, string> = {};
    for (const check of ILLEGAL) {
      const caseId = await caseFor('in', check.setup, false);
      const body = check.body && check.body !== 'multipart' ? { ...check.body } : {};
      if (body.into === 'TARGET') body.into = ctx.mergeTarget;
      if (body.assigneeId === 'x') body.assigneeId = world.handler2Id;
      const res = await fetch(`${system.baseUrl}/v1/cases/${caseId}/${check.action}`, {
        method: 'POST',
        headers: world.headers[check.as],
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { code?: string };
      seen[`${check.action} on ${check.setup}`] = `${res.status} ${json.code}`;
    }
    expect(seen).toEqual(
      Object.fromEntries(
        ILLEGAL.map((c) => [`${c.action} on ${c.setup}`, '409 ILLEGAL_TRANSITION']),
      ),
    );
  });

  for (const row of OTHER_ROWS) {
    it(`${row.method} ${row.path}`, async () => {
      const seen: Record<string, string> = {};
      for (const role of MATRIX_ROLES) {
        const res = await fetch(`${system.baseUrl}${row.path}${row.query ? `?${row.query}` : ''}`, {
          method: row.method,
          headers: world.headers[role],
          ...(row.body ? { body: JSON.stringify(row.body) } : {}),
        });
        await res.arrayBuffer();
        seen[role] = classOf(res.status);
      }
      expect(seen).toEqual(row.expect);
    });
  }

  it('queues list a case only to the roles whose scope holds it', async () => {
    const inside = await caseFor('in', 'in_progress', false);
    const outside = await caseFor('out', 'in_progress', false);
    const seen: Record<string, [boolean, boolean]> = {};
    for (const role of MATRIX_ROLES) {
      const res = await fetch(`${system.baseUrl}/v1/queues/all?limit=100`, {
        headers: world.headers[role],
      });
      const ids = ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
      seen[role] = [ids.includes(inside), ids.includes(outside)];
    }
    expect(seen).toEqual(
      Object.fromEntries(MATRIX_ROLES.map((r) => [r, [true, !SCOPED_ROLES.includes(r)]])),
    );
  });
});
