import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { CHANNELS, PRIORITIES } from '../case-model.js';
import { foldDiacritics } from '../text/fold-diacritics.js';
import { decideRouting } from './decide-routing.js';
import { evaluateRoutingRules, matchRoutingRules } from './match-routing-rules.js';
import type { RoutingConditions, RoutingDraft, RoutingRule } from './routing-rule.js';

const UNITS = ['province', 'district-a', 'commune-a1', 'commune-a2', 'dept'];
/** commune-a1 and commune-a2 lie in district-a, which lies in the province. */
const ANCESTORS: Record<string, string[]> = {
  'commune-a1': ['district-a', 'province'],
  'commune-a2': ['district-a', 'province'],
};
const ctxOf = (d: RoutingDraft) => ({
  communeAncestorIds: d.communeUnitId ? (ANCESTORS[d.communeUnitId] ?? []) : [],
});
const VOCABULARY = ['đất đai', 'xây dựng', 'môi trường', 'rác', 'điện', 'nước', 'giao thông'];

const rule = (id: string, position: number, conditions: RoutingConditions = {}): RoutingRule => ({
  id,
  position,
  name: id,
  isActive: true,
  conditions,
  targetUnitId: `unit-of-${id}`,
  strategy: 'unit_queue',
  namedOfficialId: null,
});

const draft = (over: Partial<RoutingDraft> = {}): RoutingDraft => ({
  hotlineId: null,
  channel: 'web',
  categoryId: 'cat-land',
  communeUnitId: 'commune-a1',
  text: 'Tranh chấp đất đai giữa hai hộ gia đình ở thôn 3.',
  priority: 'normal',
  ...over,
});

const match = (rules: RoutingRule[], d: RoutingDraft) => matchRoutingRules(rules, d, ctxOf(d));

describe('routing rules: worked examples', () => {
  const rules = [
    rule('urgent-power', 1, { words: ['mất điện'], priorities: ['urgent', 'high'] }),
    rule('land', 2, { words: ['dat dai', 'địa chính'] }),
    rule('district-a-env', 3, { categoryIds: ['cat-env'], locationUnitIds: ['district-a'] }),
    rule('chairman-line', 4, { hotlineIds: ['hotline-chairman'], channels: ['sms', 'call'] }),
    rule('catch-all', 9),
  ];

  it('"dat dai" catches "đất đai" and says why', () => {
    const m = match(rules, draft());
    expect(m?.rule.id).toBe('land');
    expect(m?.reasons).toEqual([
      {
        condition: 'words',
        met: true,
        expected: ['dat dai', 'địa chính'],
        actual: [],
        matched: ['dat dai'],
      },
    ]);
  });

  it('"dat" is a whole word: "datdai" is not "dat dai"', () => {
    expect(match(rules, draft({ text: 'Khu datdai bị lấn chiếm trái phép.' }))?.rule.id).toBe(
      'catch-all',
    );
  });

  it('a commune matches a rule on the district above it', () => {
    const m = match(rules, draft({ categoryId: 'cat-env', text: 'Khói bụi từ lò gạch.' }));
    expect(m?.rule.id).toBe('district-a-env');
    expect(m?.reasons.find((r) => r.condition === 'location')).toMatchObject({
      met: true,
      actual: ['commune-a1', 'district-a', 'province'],
      matched: ['district-a'],
    });
    // No commune: the location condition fails.
    expect(
      match(rules, draft({ categoryId: 'cat-env', communeUnitId: null, text: 'Khói bụi.' }))?.rule
        .id,
    ).toBe('catch-all');
  });

  it('every condition must hold; any value of a list will do', () => {
    const power = draft({ text: 'Mất điện cả xóm từ sáng.', priority: 'high' });
    expect(match(rules, power)?.rule.id).toBe('urgent-power');
    expect(match(rules, { ...power, priority: 'normal' })?.rule.id).toBe('catch-all');
    const sms = draft({ hotlineId: 'hotline-chairman', channel: 'sms', text: 'Đường hỏng.' });
    expect(match(rules, sms)?.rule.id).toBe('chairman-line');
    expect(match(rules, { ...sms, channel: 'web' })?.rule.id).toBe('catch-all');
  });

  it('inactive rules are passed over; no rule at all gives null', () => {
    const off = rules.map((r) => (r.id === 'land' ? { ...r, isActive: false } : r));
    expect(match(off, draft())?.rule.id).toBe('catch-all');
    expect(match(rules.slice(0, 4), draft({ text: 'Chó thả rông.' }))).toBeNull();
  });

  it('a dry run explains every rule: matched, shadowed, not matched, inactive', () => {
    const off = rules.map((r) => (r.id === 'chairman-line' ? { ...r, isActive: false } : r));
    const { match: m, evaluations } = evaluateRoutingRules(off, draft(), ctxOf(draft()));
    expect(m?.rule.id).toBe('land');
    expect(evaluations.map((e) => [e.rule.id, e.outcome])).toEqual([
      ['urgent-power', 'not_matched'],
      ['land', 'matched'],
      ['district-a-env', 'not_matched'],
      ['chairman-line', 'inactive'],
      ['catch-all', 'shadowed'],
    ]);
    expect(evaluations[0]?.checks).toEqual([
      {
        condition: 'words',
        met: false,
        expected: ['mất điện'],
        actual: [],
        matched: [],
      },
      {
        condition: 'priority',
        met: false,
        expected: ['urgent', 'high'],
        actual: ['normal'],
        matched: [],
      },
    ]);
  });

  it('routes by the rule, else the hotline unit, else triage; a routed case is left alone', () => {
    const fresh = { status: 'received' as const, unitId: null };
    const m = match(rules, draft());
    const fallback = { hotlineUnitId: 'hotline-unit', triageUnitId: 'triage' };
    expect(decideRouting(fresh, m, fallback)).toEqual({
      routed: { type: 'routed', unitId: 'unit-of-land', reason: 'rule', ruleId: 'land' },
      strategy: 'unit_queue',
      namedOfficialId: null,
    });
    expect(decideRouting(fresh, null, fallback)?.routed).toEqual({
      type: 'routed',
      unitId: 'hotline-unit',
      reason: 'hotline_owner_unit',
    });
    expect(decideRouting(fresh, null, { hotlineUnitId: null, triageUnitId: 'triage' })).toEqual({
      routed: { type: 'routed', unitId: 'triage', reason: 'triage_fallback' },
      strategy: 'unit_queue',
      namedOfficialId: null,
    });
    expect(decideRouting({ status: 'received', unitId: 'x' }, m, fallback)).toBeNull();
    expect(decideRouting({ status: 'triaged', unitId: null }, m, fallback)).toBeNull();
    const named = { ...rule('n', 1), strategy: 'named' as const, namedOfficialId: 'off-1' };
    expect(decideRouting(fresh, { rule: named, reasons: [] }, fallback)).toMatchObject({
      strategy: 'named',
      namedOfficialId: 'off-1',
    });
  });
});

// Generators over small pools, so that rules and drafts meet often.
const some = <T>(values: readonly T[]) =>
  fc.option(fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }), {
    nil: undefined,
  });
const conditionsArb: fc.Arbitrary<RoutingConditions> = fc.record(
  {
    hotlineIds: some(['h1', 'h2']),
    channels: some(CHANNELS),
    categoryIds: some(['cat-land', 'cat-env', 'cat-road']),
    locationUnitIds: some(UNITS),
    words: some(VOCABULARY),
    priorities: some(PRIORITIES),
  },
  { requiredKeys: [] },
);
const rulesArb = fc
  .array(
    fc.record({
      position: fc.integer({ min: 1, max: 6 }),
      isActive: fc.boolean(),
      conditions: conditionsArb,
    }),
    { maxLength: 8 },
  )
  .map((rs) => rs.map((r, i) => ({ ...rule(`r${i}`, r.position, r.conditions), ...r })));
const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VOCABULARY),
      fc.constantFrom('hộ', 'dân', 'phản ánh', 'thôn', 'datdai'),
    ),
    { maxLength: 8 },
  )
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '  ', ', ', '. ', '\n'), {
        minLength: words.length,
        maxLength: words.length,
      })
      .map((seps) => words.map((w, i) => `${w}${seps[i] ?? ''}`).join('')),
  );
const draftArb: fc.Arbitrary<RoutingDraft> = fc.record({
  hotlineId: fc.constantFrom(null, 'h1', 'h2'),
  channel: fc.constantFrom(...CHANNELS),
  categoryId: fc.constantFrom('cat-land', 'cat-env', 'cat-road'),
  communeUnitId: fc.constantFrom(null, 'commune-a1', 'commune-a2', 'dept'),
  text: textArb,
  priority: fc.constantFrom(...PRIORITIES),
});

const before = (a: RoutingRule, b: RoutingRule) =>
  a.position < b.position || (a.position === b.position && a.id < b.id);

describe('routing rules: properties', () => {
  it.prop([rulesArb, draftArb])(
    'first match wins: the lowest position among the active rules that match alone',
    (rules, d) => {
      const alone = rules.filter((r) => match([r], d) !== null);
      const expected = alone.reduce<RoutingRule | null>(
        (best, r) => (best === null || before(r, best) ? r : best),
        null,
      );
      expect(match(rules, d)?.rule ?? null).toBe(expected);
    },
  );

  it.prop([rulesArb, draftArb])('inactive rules never match', (rules, d) => {
    expect(match(rules, d)?.rule.isActive ?? true).toBe(true);
  });

  it.prop([
    rulesArb.chain((rs) =>
      fc.tuple(
        fc.constant(rs),
        fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }),
      ),
    ),
    draftArb,
  ])('the order rules are given in does not matter', ([rules, shuffled], d) => {
    expect(match(shuffled, d)?.rule ?? null).toBe(match(rules, d)?.rule ?? null);
  });

  it.prop([draftArb, fc.integer({ min: -5, max: 50 })])(
    'a rule without conditions matches everything',
    (d, position) => {
      expect(match([rule('any', position)], d)).toEqual({
        rule: rule('any', position),
        reasons: [],
      });
      const empty = { hotlineIds: [], channels: [], words: [], priorities: [] };
      expect(match([rule('empty', position, empty)], d)?.reasons).toEqual([]);
    },
  );

  it.prop([rulesArb, draftArb, fc.constantFrom('fold', 'upper', 'nfd')])(
    'matching ignores diacritics and case in the text and in the words',
    (rules, d, how) => {
      const change = (s: string) =>
        how === 'fold' ? foldDiacritics(s) : how === 'upper' ? s.toUpperCase() : s.normalize('NFD');
      const base = match(rules, d)?.rule ?? null;
      expect(match(rules, { ...d, text: change(d.text) })?.rule ?? null).toBe(base);
      const changedRules = rules.map((r) =>
        r.conditions.words
          ? { ...r, conditions: { ...r.conditions, words: r.conditions.words.map(change) } }
          : r,
      );
      expect(match(changedRules, d)?.rule.id ?? null).toBe(base?.id ?? null);
    },
  );

  it.prop([rulesArb, draftArb])(
    'a rule matches exactly when each of its conditions holds on its own',
    (rules, d) => {
      for (const r of rules.filter((x) => x.isActive)) {
        const entries = Object.entries(r.conditions) as [keyof RoutingConditions, unknown][];
        const parts = entries.map(([k, v]) => rule('part', 1, { [k]: v }));
        const each = parts.every((p) => match([p], d) !== null);
        expect(match([r], d) !== null).toBe(each);
      }
    },
  );

  it.prop([rulesArb, draftArb])('a dry run agrees with matching', (rules, d) => {
    const { match: m, evaluations } = evaluateRoutingRules(rules, d, ctxOf(d));
    expect(m).toEqual(match(rules, d));
    const outcomes = evaluations.map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'matched')).toHaveLength(m ? 1 : 0);
    // Anything that also matches comes after the winner.
    const winner = outcomes.indexOf('matched');
    outcomes.forEach((o, i) => {
      if (o === 'shadowed') expect(i).toBeGreaterThan(winner);
    });
    for (const e of evaluations) {
      expect(e.checks.every((c) => c.met === c.matched.length > 0)).toBe(true);
    }
  });

  it.prop([draftArb])('a case in a unit below matches a location rule', (d) => {
    fc.pre(d.communeUnitId === 'commune-a1' || d.communeUnitId === 'commune-a2');
    for (const unit of ['province', 'district-a', d.communeUnitId ?? '']) {
      expect(match([rule('loc', 1, { locationUnitIds: [unit] })], d)).not.toBeNull();
    }
    expect(match([rule('loc', 1, { locationUnitIds: ['dept'] })], d)).toBeNull();
  });
});
