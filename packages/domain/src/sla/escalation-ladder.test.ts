import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import {
  escalationLadder,
  escalationRecipient,
  type EscalationOrg,
  type UnitLeader,
} from './escalation-ladder.js';

const lead = (officialId: string, unitId: string, more: Partial<UnitLeader> = {}): UnitLeader => ({
  officialId,
  unitId,
  isActive: true,
  isAbsent: false,
  ...more,
});
// A commune's office, its commune, the province.
const org = (more: Partial<EscalationOrg> = {}): EscalationOrg => ({
  unitChain: ['office', 'commune', 'province'],
  rootUnitId: 'province',
  leaders: [lead('l-office', 'office'), lead('l-commune', 'commune'), lead('l-prov', 'province')],
  hotlineOwner: null,
  ...more,
});

describe('escalationLadder: worked examples', () => {
  it("climbs from the unit's leader to its parent's, then the hotline owner", () => {
    const owner = { officialId: 'owner', unitId: 'hotline-unit', isActive: true };
    expect(escalationLadder(org({ hotlineOwner: owner }))).toEqual([
      { officialId: 'l-office', unitId: 'office' },
      { officialId: 'l-commune', unitId: 'commune' },
      { officialId: 'owner', unitId: 'hotline-unit' },
    ]);
  });

  it("ends with the province's leader for a case of no hotline, or whose owner left", () => {
    const gone = { officialId: 'owner', unitId: 'hotline-unit', isActive: false };
    for (const hotlineOwner of [null, gone]) {
      expect(escalationRecipient(org({ hotlineOwner }), 3)).toEqual({
        officialId: 'l-prov',
        unitId: 'province',
      });
    }
  });

  it('prefers a present leader to one on leave, and never tells one who left', () => {
    const leaders = [
      lead('a-away', 'office', { isAbsent: true }),
      lead('b-here', 'office'),
      lead('0-gone', 'office', { isActive: false }),
      lead('l-commune', 'commune'),
    ];
    expect(escalationRecipient(org({ leaders }), 1).officialId).toBe('b-here');
    const away = [lead('a-away', 'office', { isAbsent: true }), lead('l-commune', 'commune')];
    expect(escalationRecipient(org({ leaders: away }), 1).officialId).toBe('a-away');
  });

  it('passes a rung up past a unit with no leader, and never down', () => {
    const leaders = [lead('l-prov', 'province')];
    expect(escalationLadder(org({ leaders }))).toEqual([
      { officialId: 'l-prov', unitId: 'province' },
      { officialId: 'l-prov', unitId: 'province' },
      { officialId: 'l-prov', unitId: 'province' },
    ]);
    // The case is the province's own: no unit above, so its leader is told again.
    const top = org({ unitChain: ['province'], leaders });
    expect(escalationRecipient(top, 2)).toEqual({ officialId: 'l-prov', unitId: 'province' });
  });

  it('names the units alone when no one leads them', () => {
    expect(escalationLadder(org({ leaders: [] }))).toEqual([
      { officialId: null, unitId: 'office' },
      { officialId: null, unitId: 'commune' },
      { officialId: null, unitId: 'province' },
    ]);
    expect(escalationLadder(org({ unitChain: [], leaders: [] }))).toEqual([
      { officialId: null, unitId: null },
      { officialId: null, unitId: null },
      { officialId: null, unitId: 'province' },
    ]);
  });
});

// Random organisations: a chain of up to five units whose last is the root (or no unit at
// all), leaders active or not, present or not, and perhaps a hotline owner.
const orgArb: fc.Arbitrary<EscalationOrg> = fc.integer({ min: 0, max: 5 }).chain((depth) => {
  const chain = Array.from({ length: depth }, (_, i) => `u${i}`);
  const units = depth > 0 ? chain : ['root'];
  return fc.record({
    unitChain: fc.constant(chain),
    rootUnitId: fc.constant(units.at(-1)!),
    leaders: fc.uniqueArray(
      fc.record({
        officialId: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'),
        unitId: fc.constantFrom(...units),
        isActive: fc.boolean(),
        isAbsent: fc.boolean(),
      }),
      { selector: (l) => l.officialId, maxLength: 8 },
    ),
    hotlineOwner: fc.option(
      fc.record({
        officialId: fc.constant('owner'),
        unitId: fc.constant('hotline-unit'),
        isActive: fc.boolean(),
      }),
    ),
  });
});

/** How high a unit is: its place in the chain (the root is the top, even off the chain). */
const heightOf = (o: EscalationOrg, unitId: string | null) =>
  unitId === o.rootUnitId ? o.unitChain.length : o.unitChain.indexOf(unitId ?? '');

describe('escalationLadder under random organisations', () => {
  it.prop([orgArb], { numRuns: 500 })(
    'tells only active officials, someone whenever a leader is up the chain, never lower',
    (o) => {
      const ladder = escalationLadder(o);
      const active = o.leaders.filter((l) => l.isActive);
      const ownerActive = o.hotlineOwner?.isActive === true;
      ladder.forEach((rung, i) => {
        expect(escalationRecipient(o, (i + 1) as 1 | 2 | 3)).toEqual(rung);
        if (rung.officialId === null) return;
        if (ownerActive && i === 2) {
          expect(rung).toEqual({ officialId: 'owner', unitId: 'hotline-unit' });
          return;
        }
        // A leader of the unit named, active, and on leave only when no colleague is present.
        const chosen = active.find((l) => l.officialId === rung.officialId);
        expect(chosen?.unitId).toBe(rung.unitId);
        if (chosen!.isAbsent) {
          expect(active.some((l) => l.unitId === rung.unitId && !l.isAbsent)).toBe(false);
        }
      });
      const [first, second, third] = ladder;
      const leaderUp = active.some((l) => o.unitChain.includes(l.unitId));
      expect(first.officialId !== null).toBe(leaderUp);
      expect(second.officialId !== null).toBe(leaderUp);
      if (leaderUp || ownerActive || active.some((l) => l.unitId === o.rootUnitId)) {
        expect(third.officialId).not.toBeNull();
      }
      if (first.officialId) {
        expect(heightOf(o, second.unitId)).toBeGreaterThanOrEqual(heightOf(o, first.unitId));
        // Rung 2 is above the case's own unit whenever someone leads a unit up there.
        if (active.some((l) => o.unitChain.indexOf(l.unitId) > 0)) {
          expect(heightOf(o, second.unitId)).toBeGreaterThan(0);
        }
      }
      if (second.officialId && !ownerActive) {
        expect(heightOf(o, third.unitId)).toBeGreaterThanOrEqual(heightOf(o, second.unitId));
      }
    },
  );
});
