import { digitRuns, type DigitRun } from './digit-runs.js';
import { contextBefore, type NumberContext } from './number-context.js';
import { isVietnamesePhoneDigits } from './phones.js';
import type { Range, Span } from './spans.js';
import type { TextView } from './text-view.js';

// Nine digits or more is a phone, ID-card or account number whatever surrounds it (no public
// figure we keep is that long once dates, amounts and decision numbers are set aside); shorter
// ones only after a cue ("ĐT 3855 123", "STK 123456").
const ALWAYS = 9;
const AFTER_CUE: Readonly<Record<NumberContext, number>> = { phone: 7, id: 7, bank: 6 };

// 1900/1800 numbers belong to businesses and public services, and are published on purpose.
const SERVICE_NUMBER = /^1[89]00[0-9]{4,6}$/;

function kindOf(run: DigitRun, cue: NumberContext | null): Span['kind'] {
  if (cue === 'bank') return 'bank_account';
  if (cue === 'id') return 'id_number';
  if (cue === 'phone' || isVietnamesePhoneDigits(run.digits)) return 'phone';
  if (run.digits.length === 9 || run.digits.length === 12) return 'id_number';
  return run.digits.length <= 11 ? 'phone' : 'bank_account';
}

// "+84" and "(+84) 912…", "(024) 3825…": the sign, and a bracket closed inside the number, go
// with it; brackets around the whole number stay ("(0912 345 678)" → "([số điện thoại])").
function widen(view: TextView, run: DigitRun): Range {
  let start = run.start;
  if (view.folded.charAt(start - 1) === '+') start--;
  if (view.folded.charAt(start - 1) === '(' && view.folded.slice(start, run.end).includes(')'))
    start--;
  return { start, end: run.end };
}

// Two phone numbers side by side ("+84912345678 (0912 345 678)") read as one run: cut it after
// each piece that is a whole phone number, so each gets its own placeholder. A short leftover
// stays with the piece before it rather than leaking.
function split(run: DigitRun): DigitRun[] {
  if (run.digits.length <= 12) return [run];
  const pieces: DigitRun[] = [];
  let parts: DigitRun['parts'][number][] = [];
  const close = () => {
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last) return;
    const digits = parts.map((p) => p.digits).join('');
    const previous = pieces[pieces.length - 1];
    if (previous && digits.length < ALWAYS) {
      pieces[pieces.length - 1] = {
        ...previous,
        end: last.end,
        digits: previous.digits + digits,
        parts: [...previous.parts, ...parts],
      };
    } else {
      pieces.push({ start: first.start, end: last.end, digits, parts });
    }
    parts = [];
  };
  let digits = '';
  for (const part of run.parts) {
    // A phone number has at most 12 digits (84 and a landline), so longer pieces go on.
    if (
      digits.length >= ALWAYS &&
      digits.length <= 12 &&
      isVietnamesePhoneDigits(digits) &&
      !isVietnamesePhoneDigits(digits + part.digits)
    ) {
      close();
      digits = '';
    }
    digits += part.digits;
    parts.push(part);
  }
  close();
  return pieces;
}

/** Phone, ID-card and bank account numbers written as runs of digits, letters or words. */
export function numberRunSpans(view: TextView, keep: readonly Range[]): Span[] {
  const spans: Span[] = [];
  for (const whole of digitRuns(view, keep)) {
    const cue = contextBefore(view, whole.start);
    for (const run of cue === 'bank' || cue === 'id' ? [whole] : split(whole)) {
      const needed = cue === null ? ALWAYS : AFTER_CUE[cue];
      if (run.digits.length < needed) continue;
      if ((cue === null || cue === 'phone') && SERVICE_NUMBER.test(run.digits)) continue;
      spans.push({ kind: kindOf(run, cue), ...widen(view, run) });
    }
  }
  return spans;
}
