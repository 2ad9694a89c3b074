import { describe, expect, it } from 'vitest';
import { OFFICIAL_ROLES, type OfficialRole } from '../roles.js';
import {
  caseScopeOf,
  managedTemplateUnitsOf,
  may,
  scopeLookupsOf,
  type AccessAction,
  type AccessPrincipal,
  type OfficialPrincipal,
} from './access.js';

const HOME = 'unit-home';
const official = (
  role: OfficialRole,
  more: Partial<OfficialPrincipal> = {},
): OfficialPrincipal => ({
  kind: 'official',
  officialId: `official-${role}`,
  roles: [role],
  unitId: HOME,
  via: 'session',
  ...more,
});

/** Which single roles may do each action, signed in (every scope), to a case of their unit. */
const ROLES_FOR: Record<Exclude<AccessAction, 'case.follow-up' | 'hotline.own'>, string> = {
  'case.submit': 'operator handler unit_leader hotline_owner supervisor admin auditor',
  'case.read': 'operator handler unit_leader hotline_owner supervisor admin auditor',
  'case.read-anonymous-sender': 'operator supervisor admin',
  'case.change': 'operator handler unit_leader hotline_owner supervisor admin auditor',
  'moderation.read': 'unit_leader supervisor admin',
  'moderation.decide': 'unit_leader supervisor admin',
  'templates.manage': 'unit_leader admin',
  'reports.read': 'operator handler unit_leader hotline_owner supervisor admin auditor',
  'calls.log': 'operator hotline_owner supervisor admin',
  admin: 'admin',
  'admin.issue-admin-token': 'admin',
  'change:assigned': 'operator unit_leader admin',
  'change:accepted': 'handler unit_leader',
  'change:transferred': 'operator handler unit_leader supervisor admin',
  'change:extension_granted': 'unit_leader hotline_owner supervisor admin',
  'change:comment_added': 'operator handler unit_leader hotline_owner supervisor admin',
  'change:replied': 'handler unit_leader',
  'change:closed': 'supervisor admin',
  'change:rejected': 'operator unit_leader supervisor admin',
  'change:merged': 'operator unit_leader supervisor admin',
  'change:publication_approved': 'unit_leader supervisor admin',
  'change:publication_refused': 'unit_leader supervisor admin',
} as Record<Exclude<AccessAction, 'case.follow-up' | 'hotline.own'>, string>;

describe('may: role × action, signed in, on a case of their unit assigned to them', () => {
  const theirCase = (role: OfficialRole) => ({ unitId: HOME, assigneeId: `official-${role}` });
  for (const [action, names] of Object.entries(ROLES_FOR)) {
    it(action, () => {
      const allowed = new Set(names.split(' '));
      const seen = Object.fromEntries(
        OFFICIAL_ROLES.map((role) => {
          const p = official(role, { scopeUnitIds: new Set([HOME]) });
          return [role, may(p, action as AccessAction, [theirCase(role)]).ok];
        }),
      );
      expect(seen).toEqual(Object.fromEntries(OFFICIAL_ROLES.map((r) => [r, allowed.has(r)])));
    });
  }
});

describe('may: credentials, units, assignees and holders', () => {
  const token = (role: OfficialRole, ...scopes: string[]) =>
    official(role, { credential: new Set(scopes), via: 'token' });

  it.each<[string, AccessPrincipal, AccessAction, boolean]>([
    [
      'a token needs the scope of the action',
      token('supervisor', 'cases:read'),
      'reports.read',
      false,
    ],
    ['a token with it passes', token('supervisor', 'reports:read'), 'reports.read', true],
    ['a cases:read token changes nothing', token('handler', 'cases:read'), 'change:replied', false],
    ['the admin scope is not the admin role', token('handler', 'admin'), 'admin', false],
    ['an admin token administers', token('admin', 'admin'), 'admin', true],
    ['but never mints admin tokens', token('admin', 'admin'), 'admin.issue-admin-token', false],
    [
      'a leader token without cases:write manages no template',
      token('unit_leader', 'cases:read'),
      'templates.manage',
      false,
    ],
    ['an API key submits a case', { kind: 'api_key', keyId: 'k' }, 'case.submit', true],
    ['an API key reads no case', { kind: 'api_key', keyId: 'k' }, 'case.read', false],
    ['an API key changes no case', { kind: 'api_key', keyId: 'k' }, 'change:rated', false],
    ['anyone submits a case', { kind: 'citizen' }, 'case.submit', true],
    ['a citizen without proof follows nothing up', { kind: 'citizen' }, 'case.follow-up', false],
    ['a citizen reads no official page', { kind: 'citizen', caseId: 'c1' }, 'case.read', false],
    ['the system times cases out', { kind: 'system', process: 'sla' }, 'change:sla_breached', true],
    [
      'the system does not moderate',
      { kind: 'system', process: 'x' },
      'change:publication_approved',
      false,
    ],
  ])('%s', (_why, principal, action, expected) => {
    expect(may(principal, action).ok).toBe(expected);
  });

  it('a citizen follows up the case they hold, and only that one', () => {
    const holder = { kind: 'citizen', caseId: 'c1' } as const;
    expect(may(holder, 'case.follow-up', [{ id: 'c1', unitId: null }]).ok).toBe(true);
    expect(may(holder, 'case.follow-up', [{ id: 'c2', unitId: null }])).toMatchObject({
      ok: false,
      rule: 'not_case_holder',
    });
  });

  it('a handler acts in their units, and only on the cases assigned to them', () => {
    const handler = official('handler', { scopeUnitIds: new Set([HOME]) });
    const mine = { unitId: HOME, assigneeId: handler.officialId };
    expect(may(handler, 'change:replied', [mine]).ok).toBe(true);
    expect(may(handler, 'change:replied', [{ ...mine, unitId: 'elsewhere' }])).toMatchObject({
      rule: 'other_unit',
    });
    expect(may(handler, 'change:replied', [{ ...mine, assigneeId: 'someone' }])).toMatchObject({
      code: 'NOT_ASSIGNEE',
      rule: 'not_assignee',
    });
    // Every case of a batch must be allowed.
    expect(may(handler, 'change:replied', [mine, { ...mine, unitId: 'x' }]).ok).toBe(false);
    // A leader answers for cases held by anyone in their units.
    const leader = official('unit_leader', { scopeUnitIds: new Set([HOME]) });
    expect(may(leader, 'change:replied', [{ ...mine, assigneeId: 'someone' }]).ok).toBe(true);
  });

  it('a unit leader manages their own unit’s templates; an administrator every one', () => {
    const leader = official('unit_leader');
    expect(managedTemplateUnitsOf(leader)).toEqual([HOME]);
    expect(may(leader, 'templates.manage', [{ unitId: HOME }]).ok).toBe(true);
    expect(may(leader, 'templates.manage', [{ unitId: 'other' }]).ok).toBe(false);
    expect(may(leader, 'templates.manage', [{ unitId: null }]).ok).toBe(false);
    expect(managedTemplateUnitsOf(official('admin'))).toBe('all');
    expect(may(official('admin'), 'templates.manage', [{ unitId: null }]).ok).toBe(true);
    expect(managedTemplateUnitsOf(official('handler'))).toBeNull();
  });

  it('hotlines are owned by hotline owners and unit leaders', () => {
    const owners = OFFICIAL_ROLES.filter((r) => may(official(r), 'hotline.own').ok);
    expect(owners).toEqual(['unit_leader', 'hotline_owner']);
  });
});

describe('caseScopeOf: which cases a query returns', () => {
  const org = { subtreeUnitIds: [HOME, 'unit-below'], ownedHotlineIds: ['hotline-1'] };
  const scopeOf = (roles: OfficialRole[], purpose: 'read' | 'moderate') =>
    caseScopeOf({ ...official('handler'), roles }, purpose, org);

  it.each<[OfficialRole[], 'read' | 'moderate', unknown]>([
    [['operator'], 'read', { kind: 'all' }],
    [['supervisor'], 'read', { kind: 'all' }],
    [['auditor'], 'read', { kind: 'all' }],
    [['admin'], 'read', { kind: 'all' }],
    [['handler'], 'read', { kind: 'some', unitIds: [HOME], hotlineIds: [] }],
    [['unit_leader'], 'read', { kind: 'some', unitIds: [HOME, 'unit-below'], hotlineIds: [] }],
    [['hotline_owner'], 'read', { kind: 'some', unitIds: [], hotlineIds: ['hotline-1'] }],
    [
      ['unit_leader', 'hotline_owner'],
      'read',
      { kind: 'some', unitIds: [HOME, 'unit-below'], hotlineIds: ['hotline-1'] },
    ],
    [
      ['handler', 'hotline_owner'],
      'read',
      { kind: 'some', unitIds: [HOME], hotlineIds: ['hotline-1'] },
    ],
    [['supervisor'], 'moderate', { kind: 'all' }],
    [['admin'], 'moderate', { kind: 'all' }],
    // Answers sent to a leader's hotline are another unit's to vouch for.
    [
      ['unit_leader', 'hotline_owner'],
      'moderate',
      { kind: 'some', unitIds: [HOME, 'unit-below'], hotlineIds: [] },
    ],
    [['operator'], 'moderate', { kind: 'some', unitIds: [], hotlineIds: [] }],
    [['hotline_owner'], 'moderate', { kind: 'some', unitIds: [], hotlineIds: [] }],
    [['auditor'], 'moderate', { kind: 'some', unitIds: [], hotlineIds: [] }],
  ])('%j to %s', (roles, purpose, expected) => {
    expect(scopeOf(roles, purpose)).toEqual(expected);
  });

  it('asks the organisation only for what the scope uses', () => {
    const lookups = (roles: OfficialRole[], purpose: 'read' | 'moderate') =>
      scopeLookupsOf({ ...official('handler'), roles }, purpose);
    expect(lookups(['operator', 'unit_leader'], 'read')).toEqual({
      subtreeOfUnit: false,
      ownedHotlines: false,
    });
    expect(lookups(['unit_leader', 'hotline_owner'], 'read')).toEqual({
      subtreeOfUnit: true,
      ownedHotlines: true,
    });
    expect(lookups(['unit_leader', 'hotline_owner'], 'moderate')).toEqual({
      subtreeOfUnit: true,
      ownedHotlines: false,
    });
    expect(lookups(['handler'], 'read')).toEqual({ subtreeOfUnit: false, ownedHotlines: false });
  });
});
