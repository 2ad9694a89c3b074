import { list } from './word-list.js';
import type { TextView } from './text-view.js';

/** What the words just before a number say it is. */
export type NumberContext = 'phone' | 'id' | 'bank';

// Folded, lower-case cue words. Bank names matter: an account number is often written right
// after "Vietcombank" with no other cue.
const BANKS = list(`
  vietcombank|vcb|agribank|bidv|techcombank|tcb|vietinbank|viettinbank|mbbank|mb bank|mb|acb|
  sacombank|vpbank|tpbank|vib|shb|hdbank|ocb|seabank|msb|eximbank|lienvietpostbank|lpbank|scb|
  abbank|nam a bank|namabank|bac a bank|bacabank|pvcombank|kienlongbank|vietbank|baovietbank|
  oceanbank|gpbank|ncb|saigonbank|vietabank|bvbank|cake|timo|ngan hang|bank|kho bac
`);
const CUES: Readonly<Record<NumberContext, readonly string[]>> = {
  bank: [...list('so tai khoan|stk|tk|tai khoan|so tk|account|the atm|so the'), ...BANKS],
  id: list(`
    cccd|cmnd|cmt|can cuoc|chung minh|dinh danh|ho chieu|passport|giay to|the can cuoc|
    ma so thue|mst|bhxh|bhyt|bao hiem|giay phep lai xe|gplx|so ho khau
  `),
  phone: list(`
    dien thoai|dt|d/t|sdt|so may|di dong|goi|lien he|lien lac|zalo|tel|phone|hotline|fax|
    nhan tin|sms|viber|so cua toi|mobile
  `),
};

const WINDOW = 40;
const CUE_PATTERN = new RegExp(
  `(?<![0-9a-z])(${Object.values(CUES)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[/]/g, '\\/'))
    .join('|')})(?![0-9a-z])`,
  'g',
);
const KIND_OF_CUE = new Map<string, NumberContext>();
for (const [kind, cues] of Object.entries(CUES) as [NumberContext, readonly string[]][]) {
  for (const cue of cues) KIND_OF_CUE.set(cue, kind);
}

/** The cue nearest before `start` (within a few words), if any. */
export function contextBefore(view: TextView, start: number): NumberContext | null {
  const from = Math.max(0, start - WINDOW);
  const before = view.lower.slice(from, start);
  let found: NumberContext | null = null;
  for (const m of before.matchAll(CUE_PATTERN)) found = KIND_OF_CUE.get(m[1] ?? '') ?? found;
  return found;
}

/** True when a cue of this kind stands just before `start`. */
export function hasContext(view: TextView, start: number, kind: NumberContext): boolean {
  return contextBefore(view, start) === kind;
}
