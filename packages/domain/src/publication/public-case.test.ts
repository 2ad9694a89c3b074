import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CASE_TYPES } from '../case-model.js';
import {
  PUBLICATION_STATES,
  approvalRefusal,
  coarseCoordinate,
  publicViewOf,
} from './public-case.js';

const facts = fc.record({
  caseType: fc.constantFrom(...CASE_TYPES),
  consentToPublish: fc.boolean(),
  publicationState: fc.constantFrom(...PUBLICATION_STATES),
  publicText: fc.option(fc.string(), { nil: null }),
  publicAnswer: fc.option(fc.string(), { nil: null }),
});

describe('what of a case may be public', () => {
  test.prop([facts])('published only when consented, approved and not a denunciation', (f) => {
    const view = publicViewOf(f);
    const published =
      f.caseType !== 'denunciation' &&
      f.consentToPublish &&
      f.publicationState === 'approved' &&
      f.publicText !== null &&
      f.publicAnswer !== null;
    expect(view.kind === 'published').toBe(published);
    expect(view.kind === 'hidden').toBe(f.caseType === 'denunciation');
    if (view.kind === 'published') {
      expect(view).toEqual({ kind: 'published', text: f.publicText, answer: f.publicAnswer });
    }
  });

  test.prop([facts])('approval is refused for a denunciation, then without consent', (f) => {
    const refusal = approvalRefusal(f);
    if (f.caseType === 'denunciation') expect(refusal?.reason).toBe('denunciation');
    else if (!f.consentToPublish) expect(refusal?.reason).toBe('no_consent');
    else expect(refusal).toBeNull();
  });

  test.prop([fc.double({ min: -180, max: 180, noNaN: true })])(
    'a public place is within about 1 km of the real one',
    (v) => {
      const coarse = coarseCoordinate(v)!;
      expect(Math.abs(coarse - v)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.round(coarse * 100)).toBeCloseTo(coarse * 100, 6);
    },
  );

  it('keeps no place when there is none', () => {
    expect(coarseCoordinate(null)).toBeNull();
  });
});
