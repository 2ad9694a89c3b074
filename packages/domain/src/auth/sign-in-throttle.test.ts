import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_CEILING,
  ACCOUNT_WINDOW_MS,
  ADDRESS_WINDOW_MS,
  FREE_FAILURES,
  MAX_SOURCE_DELAY_MS,
  signInWait,
  sourceDelayMs,
  type SignInFailures,
} from './sign-in-throttle.js';

const NOW = 1_800_000_000_000;
const none: SignInFailures = {
  sourceFailures: 0,
  lastSourceFailureAt: null,
  accountFailureTimes: [],
  addressFailureTimes: [],
};

const failures = fc.record({
  sourceFailures: fc.nat(60),
  lastSourceFailureAt: fc.option(fc.integer({ min: NOW - 2 * ACCOUNT_WINDOW_MS, max: NOW })),
  accountFailureTimes: fc.array(fc.integer({ min: NOW - 2 * ACCOUNT_WINDOW_MS, max: NOW }), {
    maxLength: ACCOUNT_CEILING + 20,
  }),
  addressFailureTimes: fc.array(fc.integer({ min: NOW - 2 * ADDRESS_WINDOW_MS, max: NOW }), {
    maxLength: 80,
  }),
});

describe('sign-in throttle', () => {
  it('lets the first failures through, then doubles the wait up to its cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(sourceDelayMs)).toEqual([0, 0, 0, 2000, 4000, 8000, 16000]);
    expect(sourceDelayMs(FREE_FAILURES + 40)).toBe(MAX_SOURCE_DELAY_MS);
    expect(signInWait(none, NOW, false)).toEqual({ waitMs: 0, reason: null });
  });

  test.prop([fc.nat(200), fc.nat(200)])('more failures never wait less', (a, b) => {
    const [low, high] = a <= b ? [a, b] : [b, a];
    expect(sourceDelayMs(low)).toBeLessThanOrEqual(sourceDelayMs(high));
  });

  test.prop([failures])('a known device never waits longer than an unknown one', (f) => {
    expect(signInWait(f, NOW, true).waitMs).toBeLessThanOrEqual(signInWait(f, NOW, false).waitMs);
  });

  test.prop([failures])('nobody is shut out for good: every wait ends within a window', (f) => {
    const { waitMs } = signInWait(f, NOW, false);
    expect(waitMs).toBeGreaterThanOrEqual(0);
    expect(waitMs).toBeLessThanOrEqual(Math.max(MAX_SOURCE_DELAY_MS, ACCOUNT_WINDOW_MS));
  });

  test.prop([failures])(
    'others’ failures never stop the owner’s known device: only its own count does',
    (f) => {
      const othersOnly = { ...f, sourceFailures: 0, lastSourceFailureAt: null };
      expect(signInWait(othersOnly, NOW, true)).toEqual({ waitMs: 0, reason: null });
    },
  );

  it('stops unknown devices at the account ceiling until the oldest counted failure ages out', () => {
    const times = Array.from({ length: ACCOUNT_CEILING }, (_, i) => NOW - 1000 * (i + 1));
    const f = { ...none, accountFailureTimes: times };
    expect(signInWait(f, NOW, false)).toEqual({
      waitMs: ACCOUNT_WINDOW_MS - ACCOUNT_CEILING * 1000,
      reason: 'account',
    });
    const oneFewer = { ...none, accountFailureTimes: times.slice(1) };
    expect(signInWait(oneFewer, NOW, false).waitMs).toBe(0);
  });
});
