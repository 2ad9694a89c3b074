// Calls per second of the calendar's hot paths on the default province calendar, random starts
// over ten years. Run with `pnpm --filter @hotline/domain bench`; a script, not a test.
import { PROVINCE_CALENDAR } from './calendar-defaults.js';
import type { Pause, SlaDuration } from './calendar.types.js';
import { compileCalendar } from './compile-calendar.js';

const CALLS = 200_000;
const ROUNDS = 5;
const HOUR = 3_600_000;
const FROM = Date.parse('2026-01-01T00:00:00+07:00');
const TEN_YEARS = Date.parse('2036-01-01T00:00:00+07:00') - FROM;
const MAX_WORKING_TIME = 60 * 7.5 * HOUR;

// A fixed-seed generator (mulberry32), so every run measures the same inputs.
let seed = 20260101;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const randomInt = (max: number): number => 1 + Math.floor(random() * max);

const starts = Array.from(
  { length: CALLS },
  () => new Date(FROM + Math.floor(random() * TEN_YEARS)),
);
const workingTimes = starts.map((): SlaDuration => ({
  kind: 'working_time',
  ms: randomInt(MAX_WORKING_TIME),
}));
const workingDays = starts.map((): SlaDuration => ({ kind: 'working_days', days: randomInt(60) }));
const ends = starts.map(
  (start) => new Date(start.getTime() + Math.floor(random() * 90 * 24 * HOUR)),
);
const pauses = starts.map((start): Pause[] => {
  const from = start.getTime() + Math.floor(random() * 30 * 24 * HOUR);
  return [{ from: new Date(from), to: new Date(from + Math.floor(random() * 5 * 24 * HOUR)) }];
});

const calendar = compileCalendar(PROVINCE_CALENDAR);
const layoutStart = performance.now();
calendar.workingDays('2026-01-01', '2036-12-31');
console.log(`lay out 11 years: ${(performance.now() - layoutStart).toFixed(1)} ms`);

let sink = 0;
function measure(name: string, call: (i: number) => number): void {
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) sink += call(i);
    rates.push(CALLS / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(ROUNDS / 2)] ?? 0;
  console.log(
    `${name.padEnd(52)} ${Math.round(median).toLocaleString('en')} calls/s (median of ${ROUNDS})`,
  );
}

measure('addWorkingDuration, working_time ≤ 60 days', (i) =>
  calendar.addWorkingDuration(starts[i]!, workingTimes[i]!).getTime(),
);
measure('addWorkingDuration, working_days ≤ 60', (i) =>
  calendar.addWorkingDuration(starts[i]!, workingDays[i]!).getTime(),
);
measure('addWorkingDuration, working_time with a pause', (i) =>
  calendar.addWorkingDuration(starts[i]!, workingTimes[i]!, pauses[i]).getTime(),
);
measure('workingDurationBetween, ≤ 90 days apart', (i) =>
  calendar.workingDurationBetween(starts[i]!, ends[i]!),
);
measure('isWorkingTime', (i) => (calendar.isWorkingTime(starts[i]!) ? 1 : 0));
measure('localDate', (i) => calendar.localDate(starts[i]!).length);
// Keeps the results alive so the engine cannot skip the calls.
if (sink === 42) console.log('');
