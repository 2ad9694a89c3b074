import { addressSpans, knownAddressSpans } from './addresses.js';
import { findDigits } from './digit-runs.js';
import { emailSpans, knownEmailSpans } from './emails.js';
import { passportSpans } from './identity-numbers.js';
import { keptRanges } from './kept-ranges.js';
import { cuedNameSpans, familyNameSpans, knownNameSpans } from './names.js';
import { numberRunSpans } from './number-runs.js';
import { significantDigits } from './phones.js';
import { plateSpans } from './plates.js';
import { isInside, matchesOf, type Range, type Span } from './spans.js';
import { viewOf, type TextView } from './text-view.js';

// Vietnamese has no maintained npm library for this (checked: the PII redactors on npm know
// English, US or Indian formats; the one Vietnamese detector found is a Python package), so the
// detectors here are our own, one file per kind of data, composed below.

/** What is known to be personal in one case: the citizen's own contact and the officials' names. */
export interface KnownPersonalData {
  /** The citizen's name, phone, e-mail and address as given on the case (any may be absent). */
  citizen?: {
    name?: string | null;
    phone?: string | null;
    email?: string | null;
    address?: string | null;
  };
  /** Full names of officials who wrote or handled the answer. */
  officialNames?: readonly string[];
  /** Other full names known to be personal (people named in the case), redacted like the citizen's. */
  otherNames?: readonly string[];
}

/** A kind of personal data found and replaced, with the placeholder it became. */
export type RedactionKind =
  'phone' | 'email' | 'id_number' | 'bank_account' | 'plate' | 'name' | 'address';

export interface Redaction {
  kind: RedactionKind;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

export interface RedactedText {
  text: string;
  redactions: Redaction[];
}

/** The placeholder each kind of personal data becomes, in Vietnamese. */
export const REDACTION_PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  phone: '[số điện thoại]',
  email: '[email]',
  id_number: '[số giấy tờ]',
  bank_account: '[số tài khoản]',
  plate: '[biển số xe]',
  name: '[họ tên]',
  address: '[địa chỉ]',
};

// When two findings overlap, the more specific kind names the merged placeholder.
const PRIORITY: readonly RedactionKind[] = [
  'email',
  'plate',
  'id_number',
  'bank_account',
  'phone',
  'address',
  'name',
];

const PLACEHOLDER = new RegExp(
  Object.values(REDACTION_PLACEHOLDERS)
    .map((p) => p.replace(/[[\]]/g, '\\$&'))
    .join('|'),
  'g',
);

function findAll(view: TextView, known: KnownPersonalData): Span[] {
  const keep = keptRanges(view);
  const citizen = known.citizen ?? {};
  const names = [citizen.name, ...(known.officialNames ?? []), ...(known.otherNames ?? [])].filter(
    (n): n is string => typeof n === 'string' && n.trim().length > 0,
  );
  const spans: Span[] = [
    ...emailSpans(view),
    ...knownEmailSpans(view, citizen.email),
    ...plateSpans(view),
    ...passportSpans(view),
    ...numberRunSpans(view, keep),
    ...addressSpans(view, keep),
    ...knownAddressSpans(view, citizen.address),
    ...cuedNameSpans(view),
    ...familyNameSpans(view),
    ...knownNameSpans(view, names),
  ];
  const phone = significantDigits(citizen.phone);
  if (phone) {
    for (const r of findDigits(view, phone)) spans.push({ kind: 'phone', ...r, isForced: true });
  }
  // Findings inside a kept range (a decision number, a date) are not personal, except those
  // found by value or by a cue.
  return spans.filter((s) => s.isForced === true || !isInside(keep, s.start, s.end));
}

// Text already redacted is left alone, so redacting twice changes nothing: the placeholders
// are blanked out of the view ("[số tài khoản]" must not act as a cue for the next number) and
// nothing found may reach into one.
function withoutPlaceholders(view: TextView, placeholders: readonly Range[]): TextView {
  if (placeholders.length === 0) return view;
  const blank = (text: string) => {
    let out = text;
    for (const p of placeholders) {
      out = out.slice(0, p.start) + '\u2588'.repeat(p.end - p.start) + out.slice(p.end);
    }
    return out;
  };
  return { ...view, nfc: blank(view.nfc), folded: blank(view.folded), lower: blank(view.lower) };
}

function outsidePlaceholders(spans: readonly Span[], placeholders: readonly Range[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let { start, end } = span;
    for (const p of placeholders) {
      if (p.start <= start && start < p.end) start = p.end;
      if (p.start < end && end <= p.end) end = p.start;
    }
    if (start < end) out.push({ kind: span.kind, start, end });
  }
  return out;
}

// Overlapping findings become one placeholder, named for the longest of them ("(+84) 25 B6864
// 19 6" is a phone that holds a plate shape), or for the more specific kind when as long.
function merged(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { span: Span; longest: Span }[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.span.end) {
      last.span.end = Math.max(last.span.end, span.end);
      const length = span.end - span.start;
      const longest = last.longest.end - last.longest.start;
      const isMoreSpecific = PRIORITY.indexOf(span.kind) < PRIORITY.indexOf(last.longest.kind);
      if (length > longest || (length === longest && isMoreSpecific)) last.longest = span;
    } else {
      out.push({ span: { ...span }, longest: span });
    }
  }
  return out.map(({ span, longest }) => ({ ...span, kind: longest.kind }));
}

/**
 * The text with every piece of personal data replaced by a placeholder such as "[số điện
 * thoại]": the one redaction used before anything of a case is public.
 */
export function redactPersonalData(text: string, known: KnownPersonalData = {}): RedactedText {
  const view = viewOf(text);
  const placeholders = [...matchesOf(PLACEHOLDER, view.nfc)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found = findAll(withoutPlaceholders(view, placeholders), known);
  const spans = merged(outsidePlaceholders(found, placeholders));
  let out = '';
  let at = 0;
  const redactions: Redaction[] = [];
  for (const span of spans) {
    const start = view.toOriginal(span.start);
    const end = view.toOriginal(span.end);
    out += text.slice(at, start) + REDACTION_PLACEHOLDERS[span.kind];
    redactions.push({ kind: span.kind, start, end });
    at = end;
  }
  return { text: out + text.slice(at), redactions };
}
